import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * When each alarm becomes visible on Atalaya's alarm console, in one headless Chromium signed in as an operator.
 * Before the page's own script runs, a MutationObserver is installed that notes, for every alarm row
 * ({@code tr.alarm-row[data-id]}, see static/js/alarms.js) the first time it enters the page, the epoch milliseconds
 * of the insertion ({@code performance.timeOrigin + performance.now()}) and of the next animation frame, the one that
 * paints it.
 *
 * <pre>
 * java -cp PLAYWRIGHT_CLASSPATH AlarmConsole.java --atalaya http://localhost:PORT --user NAME
 *      --ready-flag FILE --stop-flag FILE
 * </pre>
 * The password comes from the environment variable BENCH_PASSWORD. The ready flag is created once the console's
 * stream has sent the open alarms; until the stop flag exists, one line is printed (and flushed) per alarm as it is
 * seen: {@code SEEN <alarmId> <inserted epoch ms> <painted epoch ms>}. Alarms on the page before the ready flag are
 * printed too (the caller pairs alarms with triggers, so they pair with none). Ends with
 * {@code CONSOLE stream_reconnects=R}.
 */
public final class AlarmConsole {

    private static final String OBSERVE = """
            () => {
              const seen = new Map();
              const fresh = [];
              window.alarmSeen = { fresh };
              const now = () => performance.timeOrigin + performance.now();
              const note = (row) => {
                const id = row.dataset.id;
                if (!id || seen.has(id)) return;
                const entry = { id, inserted: now(), painted: null };
                seen.set(id, entry);
                requestAnimationFrame(() => { entry.painted = now(); fresh.push(entry); });
              };
              const look = (node) => {
                if (node.nodeType !== Node.ELEMENT_NODE) return;
                if (node.matches('tr.alarm-row[data-id]')) note(node);
                node.querySelectorAll('tr.alarm-row[data-id]').forEach(note);
              };
              new MutationObserver((records) => {
                for (const record of records) {
                  if (record.type === 'attributes') look(record.target);
                  else record.addedNodes.forEach(look);
                }
              }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-id'] });
            }
            """;

    private static final String TAKE_FRESH = """
            () => window.alarmSeen.fresh.splice(0).map(e => e.id + ' ' + Math.round(e.inserted) + ' ' + Math.round(e.painted))
            """;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        String atalaya = required(options, "atalaya");
        String user = required(options, "user");
        Path readyFlag = Path.of(required(options, "ready-flag"));
        Path stopFlag = Path.of(required(options, "stop-flag"));
        String password = System.getenv("BENCH_PASSWORD");
        if (password == null) throw new IllegalArgumentException("BENCH_PASSWORD is not set");

        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Path.of("/usr/bin/chromium"))
                     .setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync", "--no-first-run",
                             "--autoplay-policy=no-user-gesture-required")))) {
            BrowserContext context = chromium.newContext(new Browser.NewContextOptions().setBaseURL(atalaya)
                    .setLocale("en").setExtraHTTPHeaders(Map.of("Accept-Language", "en")).setViewportSize(1280, 800));
            Page page = context.newPage();
            page.navigate("/login");
            page.getByLabel("User name").fill(user);
            page.getByLabel("Password").fill(password);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL(url -> !url.contains("/login"), new Page.WaitForURLOptions().setTimeout(60_000));
            page.addInitScript("(" + OBSERVE + ")()");
            page.navigate("/alarms");
            try {
                page.waitForSelector("#alarms-page[data-ready=true]",
                        new Page.WaitForSelectorOptions().setTimeout(60_000).setState(
                                com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
            } catch (RuntimeException e) {
                throw new IllegalStateException("the alarm console " + page.url() + " (" + page.title()
                        + ") did not receive its alarm stream within 60 s", e);
            }
            int reconnects = 0;
            String lastStreamState = "open";
            Files.createFile(readyFlag);
            while (!Files.exists(stopFlag)) {
                print(page.evaluate(TAKE_FRESH));
                Object state = page.evaluate("() => document.querySelector('#alarm-stream')?.dataset.state");
                if (!"open".equals(state) && "open".equals(lastStreamState)) reconnects++;
                lastStreamState = String.valueOf(state);
                page.waitForTimeout(200);
            }
            page.waitForTimeout(100);
            print(page.evaluate(TAKE_FRESH));
            System.out.println("CONSOLE stream_reconnects=" + reconnects);
        }
    }

    private static void print(Object fresh) {
        for (Object line : (List<?>) fresh) System.out.println("SEEN " + line);
        System.out.flush();
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) throw new IllegalArgumentException("--" + name + " is required");
        return value;
    }
}

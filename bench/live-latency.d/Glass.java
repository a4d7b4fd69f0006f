import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Glass-to-glass latency of Atalaya's live view and of an HLS baseline of the same camera, side by side in one
 * headless Chromium. Every frame of the camera carries the wall-clock time it was made (see timestamped_frames.py);
 * for each frame a page presents, a requestVideoFrameCallback draws the frame's stamp rows to a canvas, reads the
 * stamp and keeps (time the frame is shown) - (time it was made), same machine, same clock.
 *
 * <pre>
 * java -cp PLAYWRIGHT_CLASSPATH Glass.java --atalaya http://localhost:PORT --user NAME --camera ID --hls-dir DIR
 *      [--seconds 60] [--warm-up 5] [--samples FILE] [--collecting-flag FILE]
 * </pre>
 * The flag file is created the moment the pages start collecting (so that stamp_reader.py collects alongside).
 * The password comes from the environment variable BENCH_PASSWORD. Prints one line per page:
 * {@code GLASS <page> samples=N p50_ms=A p95_ms=B min_ms= max_ms= unreadable=U frames_per_second=F
 * callback_after_display_ms=C buffered_ahead_p50_ms=D not_live_s=S}: D is how much video the page held in its buffer
 * beyond the frame on screen (the part of the latency the player adds by waiting), S the seconds in which Atalaya's
 * page did not say "live".
 */
public final class Glass {

    /** Installs the frame reader on the page's video; window.glass holds what it read. */
    private static final String MEASURE = """
            selector => {
              const video = document.querySelector(selector);
              const canvas = document.createElement('canvas');
              const context = canvas.getContext('2d', { willReadFrequently: true });
              const BLOCK = 16, BITS = 48;
              const glass = { collecting: false, samples: [], callbackLag: [], ahead: [], unreadable: 0, presented: [] };
              window.glass = glass;
              const readStamp = (width, height) => {
                const perRow = Math.floor(width / BLOCK);
                const rows = Math.ceil(2 * BITS / perRow) * BLOCK;
                if (canvas.width !== width || canvas.height !== rows) { canvas.width = width; canvas.height = rows; }
                context.drawImage(video, 0, 0, width, rows, 0, 0, width, rows);
                const pixels = context.getImageData(0, 0, width, rows).data;
                const bit = i => {
                  const x = (i % perRow) * BLOCK + BLOCK / 2, y = Math.floor(i / perRow) * BLOCK + BLOCK / 2;
                  return pixels[(y * width + x) * 4] > 127 ? 1 : 0;
                };
                let millis = 0;
                for (let i = 0; i < BITS; i++) {
                  const value = bit(i);
                  if (value === bit(BITS + i)) return null;
                  millis = millis * 2 + value;
                }
                return millis;
              };
              const onFrame = (now, frame) => {
                const callbackAt = Date.now();
                const shownAt = frame.expectedDisplayTime ? performance.timeOrigin + frame.expectedDisplayTime : callbackAt;
                if (glass.collecting) {
                  const captured = readStamp(frame.width, frame.height);
                  if (captured === null) glass.unreadable++;
                  else { glass.samples.push(shownAt - captured); glass.callbackLag.push(callbackAt - shownAt); }
                  glass.presented.push(frame.presentedFrames);
                  const buffered = video.buffered;
                  if (buffered.length) glass.ahead.push(1000 * (buffered.end(buffered.length - 1) - video.currentTime));
                }
                video.requestVideoFrameCallback(onFrame);
              };
              video.requestVideoFrameCallback(onFrame);
            }
            """;

    private static final String HLS_PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>HLS baseline</title></head>
            <body style="margin:0;background:#000">
            <video id="hls" muted autoplay playsinline src="/hls/live.m3u8"></video>
            </body></html>
            """;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String atalaya = options.get("atalaya");
        Path hlsDir = Path.of(required(options, "hls-dir"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int warmUp = Integer.parseInt(options.getOrDefault("warm-up", "5"));

        HttpServer hlsServer = serveHls(hlsDir);
        String hlsUrl = "http://127.0.0.1:" + hlsServer.getAddress().getPort() + "/";
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Path.of("/usr/bin/chromium"))
                     .setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync", "--no-first-run",
                             "--autoplay-policy=no-user-gesture-required")))) {
            // without --atalaya only the HLS page is measured (to try the source and the measuring alone)
            Page live = atalaya == null ? null : openLivePage(chromium, atalaya, required(options, "user"),
                    password(), required(options, "camera"));
            Page hls = openHlsPage(chromium, hlsUrl);
            List<Page> pages = live == null ? List.of(hls) : List.of(live, hls);
            for (Page page : pages) page.evaluate(MEASURE, page == live ? "#live-video" : "#hls");
            Thread.sleep(warmUp * 1000L);
            for (Page page : pages) page.evaluate("() => { window.glass.collecting = true; }");
            if (options.containsKey("collecting-flag")) Files.createFile(Path.of(options.get("collecting-flag")));
            int notLiveSeconds = 0;
            for (int second = 0; second < seconds; second++) {
                Thread.sleep(1000);
                if (live != null && !"live".equals(live.getAttribute("#live-status", "data-status"))) notLiveSeconds++;
            }
            for (Page page : pages) page.evaluate("() => { window.glass.collecting = false; }");
            Map<String, List<Double>> samples = new LinkedHashMap<>();
            if (live != null) samples.put("atalaya", report("atalaya", live, seconds, notLiveSeconds));
            samples.put("hls", report("hls", hls, seconds, 0));
            if (options.containsKey("samples")) writeSamples(Path.of(options.get("samples")), samples);
        } finally {
            hlsServer.stop(0);
        }
    }

    private static String password() {
        String password = System.getenv("BENCH_PASSWORD");
        if (password == null) throw new IllegalArgumentException("BENCH_PASSWORD is not set");
        return password;
    }

    private static Page openLivePage(Browser chromium, String atalaya, String user, String password, String camera) {
        BrowserContext context = chromium.newContext(new Browser.NewContextOptions().setBaseURL(atalaya)
                .setLocale("en").setExtraHTTPHeaders(Map.of("Accept-Language", "en")).setViewportSize(1280, 800));
        Page page = context.newPage();
        page.navigate("/login");
        page.getByLabel("User name").fill(user);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url -> !url.contains("/login"), new Page.WaitForURLOptions().setTimeout(30_000));
        page.navigate("/cameras/" + camera + "/live");
        try {
            page.waitForSelector("#live-status[data-status=live]", new Page.WaitForSelectorOptions().setTimeout(60_000));
        } catch (RuntimeException e) {
            Object status = page.evaluate("() => { const s = document.querySelector('#live-status');"
                    + " return s ? s.dataset.status + ': ' + s.textContent.trim() : 'no live status on the page'; }");
            throw new IllegalStateException("Atalaya's live page " + page.url() + " (" + page.title()
                    + ") did not reach 'live' within 60 s; " + status, e);
        }
        waitUntilPlaying(page, "#live-video", "Atalaya's live page");
        return page;
    }

    private static Page openHlsPage(Browser chromium, String url) {
        Page page = chromium.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)).newPage();
        page.navigate(url);
        Object support = page.evaluate("() => document.querySelector('#hls').canPlayType('application/vnd.apple.mpegurl')");
        if ("".equals(support)) throw new IllegalStateException("this Chromium does not play HLS natively");
        waitUntilPlaying(page, "#hls", "the HLS page");
        return page;
    }

    private static void waitUntilPlaying(Page page, String video, String what) {
        try {
            page.waitForFunction("v => { const e = document.querySelector(v); return e && e.readyState >= 2 && e.currentTime > 0 && !e.paused; }",
                    video, new Page.WaitForFunctionOptions().setTimeout(60_000).setPollingInterval(200));
        } catch (RuntimeException e) {
            Object error = page.evaluate("v => { const e = document.querySelector(v); return e && e.error ? e.error.code + ' ' + e.error.message : 'no media error'; }", video);
            throw new IllegalStateException(what + " did not start playing within 60 s (" + error + ")", e);
        }
    }

    private static List<Double> report(String name, Page page, int seconds, int notLiveSeconds) {
        List<Double> samples = numbers(page.evaluate("() => window.glass.samples"));
        List<Double> lag = numbers(page.evaluate("() => window.glass.callbackLag"));
        List<Double> presented = numbers(page.evaluate("() => window.glass.presented"));
        List<Double> ahead = numbers(page.evaluate("() => window.glass.ahead"));
        Object unreadable = page.evaluate("() => window.glass.unreadable");
        List<Double> sorted = new ArrayList<>(samples);
        sorted.sort(null);
        double framesPerSecond = presented.size() < 2 ? 0
                : (presented.getLast() - presented.getFirst()) / (double) seconds;
        System.out.printf("GLASS %s samples=%d p50_ms=%s p95_ms=%s min_ms=%s max_ms=%s unreadable=%s"
                        + " frames_per_second=%.1f callback_after_display_ms=%s buffered_ahead_p50_ms=%s not_live_s=%d%n",
                name, sorted.size(), percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 0),
                percentile(sorted, 100), unreadable, framesPerSecond, percentile(sortedCopy(lag), 50),
                percentile(sortedCopy(ahead), 50), notLiveSeconds);
        return samples;
    }

    /** Nearest-rank percentile in whole milliseconds, or "-" without samples. */
    private static String percentile(List<Double> sorted, int percent) {
        if (sorted.isEmpty()) return "-";
        int rank = Math.max(1, (int) Math.ceil(percent / 100.0 * sorted.size()));
        return String.valueOf(Math.round(sorted.get(rank - 1)));
    }

    private static List<Double> sortedCopy(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted;
    }

    private static List<Double> numbers(Object evaluated) {
        List<Double> numbers = new ArrayList<>();
        for (Object value : (List<?>) evaluated) numbers.add(((Number) value).doubleValue());
        return numbers;
    }

    private static void writeSamples(Path file, Map<String, List<Double>> samples) throws IOException {
        StringBuilder csv = new StringBuilder("page,latency_ms\n");
        samples.forEach((page, values) -> values.forEach(value -> csv.append(page).append(',')
                .append(Math.round(value)).append('\n')));
        Files.writeString(file, csv);
    }

    /** The HLS page and the files ffmpeg writes, over loopback, with the types Chromium's HLS player expects. */
    private static HttpServer serveHls(Path hlsDir) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/")) {
                    send(exchange, 200, "text/html; charset=utf-8", HLS_PAGE.getBytes(StandardCharsets.UTF_8));
                    return;
                }
                Path file = path.startsWith("/hls/") ? hlsDir.resolve(path.substring(5)).normalize() : null;
                if (file == null || !file.startsWith(hlsDir) || !Files.isRegularFile(file)) {
                    send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                byte[] body;
                try {
                    body = Files.readAllBytes(file);
                } catch (IOException deletedMeanwhile) {
                    send(exchange, 404, "text/plain", "gone".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                send(exchange, 200, path.endsWith(".m3u8") ? "application/vnd.apple.mpegurl" : "video/mp4", body);
            }
        });
        server.start();
        return server;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected an --option, not " + args[i]);
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) throw new IllegalArgumentException("--" + name + " is required");
        return value;
    }
}

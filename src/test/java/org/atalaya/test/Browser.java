package org.atalaya.test;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's Chromium driven by Playwright, headless, with the background traffic a closed network refuses turned
 * off. One per test class; each test opens its own context (cookies, language) from it.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    public Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    /** A fresh browser profile whose pages start at the given base URL and prefer the given language. */
    public BrowserContext newContext(String baseUrl, String acceptLanguage) {
        return chromium.newContext(new NewContextOptions()
                .setBaseURL(baseUrl)
                .setLocale(acceptLanguage.split("[,;]")[0])
                .setExtraHTTPHeaders(java.util.Map.of("Accept-Language", acceptLanguage))
                .setViewportSize(1440, 900));
    }

    /** Signs in through the console's sign-in page in English, as a person would. */
    public static void signIn(Page page, String username, String password) {
        page.navigate("/login");
        page.getByLabel("User name").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}

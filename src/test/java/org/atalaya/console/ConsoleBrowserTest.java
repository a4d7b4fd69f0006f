package org.atalaya.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A person at the console in a real Chromium: signs in, switches language, finds their way, signs out. */
@AtalayaTest
class ConsoleBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void signInSwitchLanguageAndSignOut() {
        accounts.create("console-operator", "Olga Operadora", "a-long-operator-passphrase", Set.of("operator"));
        try (BrowserContext context = browser.newContext("http://localhost:" + port, "es-AR,es;q=0.9")) {
            Page page = context.newPage();
            List<String> refusedByPolicy = new ArrayList<>();
            page.onConsoleMessage(message -> {
                if (message.text().contains("Content Security Policy")) refusedByPolicy.add(message.text());
            });

            page.navigate("/");
            assertThat(page).hasURL("http://localhost:" + port + "/login");
            assertThat(page.locator("html")).hasAttribute("lang", "es");
            page.getByLabel("Usuario").fill("console-operator");
            page.getByLabel("Contraseña").fill("a-long-operator-passphrase");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Entrar")).click();

            assertThat(page).hasURL("http://localhost:" + port + "/");
            assertThat(page.locator("main h2").first()).containsText("Hola, Olga Operadora");
            assertThat(page.locator(".nav-group").first()).hasText("Operación");
            assertThat(page.locator(".sidebar")).not().containsText("Usuarios");

            page.locator(".topbar .lang-switch a[hreflang=en]").click();
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator("main h2").first()).containsText("Welcome, Olga Operadora");

            page.navigate("/");
            assertThat(page.locator("html")).hasAttribute("lang", "en"); // the choice is remembered

            page.keyboard().press("?");
            assertThat(page.locator("#shortcut-help")).isVisible();
            page.keyboard().press("Escape");
            assertThat(page.locator("#shortcut-help")).isHidden();

            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Sign out")).click();
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
            page.navigate("/");
            assertThat(page).hasURL("http://localhost:" + port + "/login");
            org.assertj.core.api.Assertions.assertThat(refusedByPolicy).as("content refused by the page's policy").isEmpty();
        }
    }
}

package org.atalaya.incident.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Locale;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.atalaya.identity.UserAccounts;
import org.atalaya.incident.IncidentType;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Browser;
import org.atalaya.test.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The administrator adds an incident type in the console and changes it. */
@AtalayaTest
class TaxonomyPageTest {

    private static final String PASSWORD = "a-long-taxonomy-page-passphrase";

    private static Browser browser;

    @Autowired
    UserAccounts accounts;

    @Autowired
    IncidentTypeStore types;

    @LocalServerPort
    int port;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @Test
    void aTypeIsAddedThenGivenAnotherPriorityAndUnitTypesAndTakenOutOfUse() {
        String admin = TestAccounts.unique("taxonomy-admin");
        accounts.create(admin, "Test admin", PASSWORD, Set.of("admin"));
        String code = "TEST_" + TestAccounts.unique("T").substring(2).toUpperCase(Locale.ROOT).replace('-', '_');
        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = context.newPage();
            Browser.signIn(page, admin, PASSWORD);
            page.navigate("/incidents/types");

            Locator added = page.locator("#type-new");
            added.getByLabel("Code").fill(code);
            added.getByLabel("Name (English)").fill("Stray animal");
            added.getByLabel("Name (Spanish)").fill("Animal suelto");
            added.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add type")).click();
            assertThat(page.locator(".flash")).containsText("Incident type " + code + " added.");

            Locator form = page.locator("#type-" + code);
            form.getByLabel("Default priority").selectOption("4");
            form.getByLabel("patrol").check();
            form.getByLabel("In use").uncheck();
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
            assertThat(page.locator(".flash")).containsText("Incident type " + code + " saved.");
            assertThat(page.locator("#type-" + code)).containsText("not in use");
        }
        IncidentType saved = types.find(code).orElseThrow();
        Assertions.assertThat(saved.defaultPriority()).isEqualTo(4);
        Assertions.assertThat(saved.unitTypes()).containsExactly("patrol");
        Assertions.assertThat(saved.active()).isFalse();
        Assertions.assertThat(saved.nameEs()).isEqualTo("Animal suelto");
    }
}

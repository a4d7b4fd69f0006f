package org.atalaya.kpi.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Browser;
import org.atalaya.test.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A supervisor looks at the response times of the fire brigade that answered a structure fire today: tiles and a
 * chart drawn on the server; choosing another agency with the keyboard shows that one's (empty) figures; the page
 * speaks Spanish too, and refuses a period that ends before it starts in words.
 */
@AtalayaTest
class ResponseTimesPageTest {

    private static final String PASSWORD = "a-long-response-times-passphrase";

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @Test
    void tilesAndChartsFollowTheFilter() {
        var fixtures = new TestAccounts(jdbc, accounts, "kpipage");
        var scenario = new KpiScenario(port, fixtures);
        String brigade = scenario.agency(TestAccounts.unique("Bomberos Voluntarios"), "FIRE");
        String quiet = scenario.agency(TestAccounts.unique("Defensa Civil"), "CIVIL_DEFENCE");
        long engine = scenario.unit(brigade, "engine");
        scenario.unit(quiet, "rescue");
        scenario.respond(scenario.incidentFromACall("FIRE_STRUCTURE"), engine);
        String supervisor = TestAccounts.unique("kpipage-supervisor");
        accounts.create(supervisor, "Response-time supervisor", PASSWORD, Set.of("supervisor"));
        String today = LocalDate.now(ZoneId.of("America/Argentina/Jujuy")).toString();

        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            context.setDefaultTimeout(15_000);
            Page page = context.newPage();
            Browser.signIn(page, supervisor, PASSWORD);
            page.navigate("/response-times");
            assertThat(page.getByLabel("From", EXACT)).hasValue(LocalDate.parse(today).minusDays(6).toString());
            assertThat(page.getByLabel("To", EXACT)).hasValue(today);

            page.getByLabel("Agency", EXACT).selectOption(brigade);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();

            Locator turnout = page.locator(".kpi-tile[data-measure=turnout]");
            assertThat(turnout.locator("h3")).hasText("Turnout");
            assertThat(turnout.locator("[data-field=count]")).containsText("1 turnout");
            assertThat(turnout.locator("[data-field=target]")).hasText("Target: 90 % within 1 min 20 s");
            assertThat(turnout.locator("[data-field=share]")).hasText("100 % within target");
            assertThat(turnout.locator("[data-field=status]")).hasText("Target met");
            assertThat(page.locator(".kpi-tile[data-measure=first-on-scene] [data-field=status]"))
                    .hasText("Not judged");
            Locator chart = page.locator("figure.kpi-chart[data-measure=turnout] svg");
            assertThat(chart).hasAttribute("role", "img");
            assertThat(chart.locator("rect.kpi-bar.ok")).hasCount(1);
            assertThat(chart.locator("line.kpi-target")).hasCount(1);
            assertThat(page.locator("#kpi-by-agency tbody tr")).hasCount(1);
            assertThat(page.locator("#kpi-by-agency tbody tr")).containsText(brigade);
            assertThat(page.locator("#kpi-by-type tbody tr", new Page.LocatorOptions().setHasText("Structure fire")))
                    .hasCount(1);
            assertThat(page.locator(".kpi-exports a").first()).hasAttribute("href",
                    java.util.regex.Pattern.compile("/api/v1/response-times\\.csv\\?from=.*&by=call$"));

            Locator agency = page.getByLabel("Agency", EXACT);
            agency.focus();
            agency.selectOption(quiet);
            page.getByLabel("From", EXACT).fill(today);
            page.getByLabel("From", EXACT).press("Enter");

            assertThat(page).hasURL(java.util.regex.Pattern.compile("agency="));
            assertThat(turnout.locator("[data-field=status]")).hasText("No data");
            assertThat(turnout.locator("[data-field=count]")).containsText("no turnouts");
            assertThat(page.locator("figure.kpi-chart[data-measure=turnout]")).hasCount(0);
            assertThat(page.locator("#kpi-by-agency")).hasCount(0);

            page.navigate("/response-times?from=" + today + "&to=" + today + "&lang=es");
            assertThat(page.locator("#kpi-filter-heading")).hasText("Período y filtro");
            assertThat(page.locator("#kpi-charts-heading")).hasText("Proporción dentro de la meta, hora por hora");
            assertThat(page.locator("figure.kpi-chart[data-measure=call-processing] svg rect.kpi-bar"))
                    .not().hasCount(0);

            page.navigate("/response-times?from=2026-11-20&to=2026-11-01&lang=en");
            assertThat(page.locator("#kpi-filter-error")).hasText("The period ends before it starts.");
            assertThat(page.locator(".kpi-tile")).hasCount(0);
        }
    }
}

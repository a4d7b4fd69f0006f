package org.atalaya.incident.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.atalaya.identity.UserAccounts;
import org.atalaya.incident.IncidentView;
import org.atalaya.incident.Incidents;
import org.atalaya.incident.NewIncident;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Browser;
import org.atalaya.test.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A dispatcher works an incident in the console: finds it in the list, adds a note, follows the link to a camera's
 * recordings (which names the incident as the case without asking) and closes it.
 */
@AtalayaTest
class IncidentPageTest {

    private static final String PASSWORD = "a-long-incident-page-passphrase";
    private static final Instant CALL = Instant.parse("2026-08-15T21:30:00Z");

    private static Browser browser;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Incidents incidents;

    @LocalServerPort
    int port;

    String dispatcher;
    String cameraName;
    IncidentView incident;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @BeforeEach
    void anIncidentWithACameraThatSeesIt() {
        TestAccounts fixtures = new TestAccounts(jdbc, accounts, "incidentpage");
        double[] place = IncidentFixtures.lonelyPlace();
        double[] cameraPlace = IncidentFixtures.north(place, 40);
        cameraName = TestAccounts.unique("Corner");
        var created = new ApiClient(port, fixtures.tokenFor("admin")).post("/api/v1/cameras", """
                {"name": "%s", "mainUrl": "rtsp://192.0.2.80/stream", "cameraGroup": "%s",
                 "latitude": %s, "longitude": %s, "rangeM": 80}"""
                .formatted(cameraName, fixtures.group(), cameraPlace[0], cameraPlace[1]));
        Assertions.assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        dispatcher = TestAccounts.unique("incidentpage-dispatcher");
        accounts.create(dispatcher, "Test dispatcher", PASSWORD, Set.of("dispatcher"));
        incident = incidents.open(new NewIncident("ASSAULT", null, place[0], place[1], "San Martín 120",
                "A man hit in the street", CALL, CALL.plusSeconds(4), null), "calltaker");
    }

    @Test
    void aNoteIsAddedTheRecordingsOpenForTheIncidentAndTheIncidentIsClosed() {
        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = context.newPage();
            Browser.signIn(page, dispatcher, PASSWORD);
            page.navigate("/incidents");
            Locator row = page.locator("#incident-rows tr", new Page.LocatorOptions().setHasText(incident.number()));
            assertThat(row).containsText("Assault");
            assertThat(row).containsText("San Martín 120");
            row.getByRole(AriaRole.LINK).click();

            assertThat(page.locator("#incident-heading")).containsText(incident.number());
            assertThat(page.locator("#incident-heading")).containsText("new");
            page.getByLabel("Add a note").fill("The man left towards the park");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click();
            assertThat(page.locator("#incident-log")).containsText("The man left towards the park");

            Locator camera = page.locator("#incident-cameras li", new Page.LocatorOptions().setHasText(cameraName));
            assertThat(camera).containsText("40 m");
            assertThat(camera.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Live"))).isVisible();
            String recorded = camera.getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName("Recorded from the call")).getAttribute("href");
            Assertions.assertThat(recorded).contains("at=2026-08-15T21%3A29%3A30Z")
                    .contains("case=" + incident.number());

            page.getByLabel("Outcome").fill("Victim taken to hospital; report filed");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close incident")).click();
            assertThat(page.locator("#incident-heading")).containsText("closed");
            assertThat(page.locator("#incident-outcome")).hasText("Victim taken to hospital; report filed");
            assertThat(page.locator("#incident-close")).hasCount(0);

            Request video = page.waitForRequest(request -> request.url().contains("/playback.mp4"),
                    () -> page.navigate(recorded));
            assertThat(page.locator("#pb-purpose")).isHidden();
            assertThat(page.locator("#pb-case")).hasText(incident.number());
            Assertions.assertThat(video.url()).contains("case=" + incident.number())
                    .contains("reason=Incident");
        }
    }

    @Test
    void withoutAReasonInTheAddressThePlaybackPageStillAsks() {
        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = context.newPage();
            Browser.signIn(page, dispatcher, PASSWORD);
            page.navigate("/incidents/" + incident.id());
            String recorded = page.locator("#incident-cameras li", new Page.LocatorOptions().setHasText(cameraName))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Recorded from the call"))
                    .getAttribute("href");

            page.navigate(recorded.substring(0, recorded.indexOf("&reason=")));
            assertThat(page.locator("#pb-purpose")).isVisible();
        }
    }

    @Test
    void theListSpeaksSpanish() {
        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = context.newPage();
            Browser.signIn(page, dispatcher, PASSWORD);
            page.navigate("/incidents?lang=es");
            assertThat(page.locator("#incidents-heading")).hasText("Incidentes activos");
            assertThat(page.locator("#incident-rows tr", new Page.LocatorOptions().setHasText(incident.number())))
                    .containsText("Agresión");
        }
    }
}

package org.atalaya;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.atalaya.identity.UserAccounts;
import org.atalaya.incident.IncidentView;
import org.atalaya.incident.Incidents;
import org.atalaya.telephony.internal.SipPorts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Await;
import org.atalaya.test.Browser;
import org.atalaya.test.Sipp;
import org.atalaya.test.TestAccounts;
import org.atalaya.tracking.UnitPosition;
import org.atalaya.tracking.UnitPositions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * One emergency, from the caller's phone to the response-time figures, through the real screens.
 *
 * <p>A civil-defence brigade has a unit on patrol a couple of hundred metres from Plaza Belgrano, and a camera there
 * looks at the corner. Lucía Mamani calls 112 over NG911 (SIPp plays the demo's call, with her position in a PIDF-LO):
 * the call rings on the call-taker's screen with her name and place; the call-taker answers with the key {@code a},
 * takes down a landslide and lands on the new incident, then hangs up. The dispatcher opens the incident, sees the
 * camera with a link to its recordings for the incident's case, and assigns the recommended unit. The unit's crew, on a
 * phone, signs on to the unit, sees the incident and reports en route and on scene. The dispatcher closes the incident
 * and the unit is available again. The response-time summary has one more answer time, call processing, turnout and
 * travel, and the response-times page shows them.
 */
@AtalayaTest
class EmergencyResponseEndToEndTest {

    private static final String PASSWORD = "a-long-end-to-end-passphrase";
    private static final Path DEMO_CALL = Path.of("demo/emergency-call.xml");
    private static final double CALL_LATITUDE = -24.18535;
    private static final double CALL_LONGITUDE = -65.29918;
    /** About a metre in latitude, in degrees. */
    private static final double METRE = 1 / 111_320.0;
    private static final Duration SOON = Duration.ofSeconds(30);
    private static final double SERVER_ANSWER_MILLIS = 30_000;
    /** Playwright's own default, given back to the test classes that run after this one. */
    private static final double PLAYWRIGHT_ASSERTION_MILLIS = 5_000;
    private static final List<String> MEASURES_GROWN = List.of("answer", "call-processing", "turnout", "travel");

    private static Browser browser;
    private static Playwright phonePlaywright;
    private static com.microsoft.playwright.Browser phoneChromium;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    UnitPositions positions;
    @Autowired
    Incidents incidents;
    @Autowired
    ApplicationContext application;
    @Autowired
    Clock clock;

    private ApiClient dispatcherApi;

    @BeforeAll
    static void start() {
        browser = new Browser();
        phonePlaywright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        phoneChromium = phonePlaywright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Browser.CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
        PlaywrightAssertions.setDefaultAssertionTimeout(SERVER_ANSWER_MILLIS);
    }

    @AfterAll
    static void stop() {
        PlaywrightAssertions.setDefaultAssertionTimeout(PLAYWRIGHT_ASSERTION_MILLIS);
        phoneChromium.close();
        phonePlaywright.close();
        browser.close();
    }

    @Test
    void anEmergencyCallIsAnsweredDispatchedRespondedToClosedAndMeasured() {
        TestAccounts fixtures = new TestAccounts(jdbc, accounts, "e2e");
        ApiClient admin = new ApiClient(port, fixtures.tokenFor("admin"));
        String callTaker = user("call-taker");
        String dispatcher = user("dispatcher");
        String responder = user("responder");
        dispatcherApi = new ApiClient(port, accounts.issueToken(dispatcher, "end-to-end test"));

        String agency = TestAccounts.unique("Defensa Civil Jujuy");
        long agencyId = created(admin.post("/api/v1/agencies",
                "{\"name\": \"%s\", \"kind\": \"CIVIL_DEFENCE\"}".formatted(agency))).path("id").asLong();
        String callSign = "DC-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        long unit = created(admin.post("/api/v1/units", """
                {"callSign": "%s", "agencyId": %d, "unitType": "civil-defence", "crew": ["Ana Quispe"]}"""
                .formatted(callSign, agencyId))).path("id").asLong();
        positions.report(new UnitPosition(unit, CALL_LATITUDE + 250 * METRE, CALL_LONGITUDE, clock.instant(), null,
                null, 10.0));
        String camera = TestAccounts.unique("Plaza Belgrano north-east");
        created(admin.post("/api/v1/cameras", """
                {"name": "%s", "mainUrl": "rtsp://192.0.2.81/stream", "cameraGroup": "%s", "latitude": %s,
                 "longitude": %s, "headingDeg": 180, "fovDeg": 60, "rangeM": 150}"""
                .formatted(camera, fixtures.group(), CALL_LATITUDE + 60 * METRE, CALL_LONGITUDE)));
        Map<String, Integer> countsBefore = kpiCounts(agency);

        String sipCallIds = TestAccounts.unique("e2e-call");
        Sipp.Run caller = Sipp.file(DEMO_CALL).callIds(sipCallIds).timeout(Duration.ofMinutes(5))
                .start(SipPorts.of(application));
        Await.until(SOON, () -> callIdOf(sipCallIds + "-1") != null, "SIPp is calling", caller::isAlive,
                () -> caller.await().details());
        long callId = callIdOf(sipCallIds + "-1");

        long incidentId;
        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = signedIn(context, callTaker, "/calls");
            incidentId = answerAndTakeDown(page, callId, caller);
            hangUp(page, callId);
        }
        Sipp.Result call = caller.await();
        assertThat(call.succeeded()).as(call.details()).isTrue();
        assertThat(call.messages()).contains("SIP/2.0 200 OK").contains("BYE ");

        IncidentView incident = incidents.find(incidentId).orElseThrow();
        assertThat(incident.typeCode()).isEqualTo("LANDSLIDE");
        assertThat(incident.latitude()).isCloseTo(CALL_LATITUDE, within(1e-6));
        assertThat(incident.longitude()).isCloseTo(CALL_LONGITUDE, within(1e-6));
        assertThat(incident.callAnsweredAt()).isAfterOrEqualTo(incident.callOfferedAt());

        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = signedIn(context, dispatcher, "/incidents/" + incidentId);
            seeTheCameraAndAssignTheRecommendedUnit(page, incident, camera, callSign);
        }
        awaitIncidentStatus(incidentId, "DISPATCHED");
        assertThat(unitStatus(unit)).isEqualTo("DISPATCHED");

        try (BrowserContext phone = phone()) {
            Page page = signedIn(phone, responder, "/responder");
            page.locator("button.responder-choice[data-unit='" + callSign + "']").click();
            assertThat(page.locator("#responder-incident-number")).hasText(incident.number());
            report(page, "En route");
            awaitIncidentStatus(incidentId, "EN_ROUTE");
            report(page, "On scene");
            awaitIncidentStatus(incidentId, "ON_SCENE");
        }

        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = signedIn(context, dispatcher, "/incidents/" + incidentId);
            page.getByLabel("Outcome").fill("Road cleared; no one hurt");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close incident")).click();
            assertThat(page.locator("#incident-heading")).containsText("closed");
            Await.until(SOON, () -> unitStatus(unit).equals("AVAILABLE"));

            Map<String, Integer> countsAfter = kpiCounts(agency);
            for (String measure : MEASURES_GROWN) {
                assertThat(countsAfter.get(measure)).as(measure).isEqualTo(countsBefore.get(measure) + 1);
            }
            page.navigate("/response-times");
            assertThat(page.locator("#kpi-tiles .kpi-tile[data-measure='travel']")).isVisible();
        }
    }

    /** Answers the ringing call with the keyboard, takes it down and returns the incident the screen lands on. */
    private long answerAndTakeDown(Page page, long callId, Sipp.Run caller) {
        Locator ringing = page.locator("#calls-ringing [data-call='" + callId + "']");
        assertThat(ringing).containsText("+5493884123456");
        assertThat(ringing).containsText("Lucía Mamani");
        assertThat(ringing).containsText("-24.18535, -65.29918 ± 30 m");
        // the key a answers the call that has rung longest; calls other tests left ringing come before ours
        String longestRinging = page.locator("#calls-ringing .call-row").first().getAttribute("data-call");
        if (longestRinging.equals(String.valueOf(callId))) {
            page.keyboard().press("a");
        } else {
            ringing.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Answer")).focus();
            page.keyboard().press("Enter");
        }

        assertThat(page.locator("#calls-active [data-call='" + callId + "']")).isVisible();
        Await.until(SOON, () -> caller.messagesSoFar().contains("SIP/2.0 200 OK"), "SIPp is calling",
                caller::isAlive, () -> caller.await().details());
        assertThat(page.getByLabel("Caller's number")).hasValue("+5493884123456");
        assertThat(page.getByLabel("Caller's name")).hasValue("Lucía Mamani");
        assertThat(page.getByLabel("Address or place")).hasValue(Pattern.compile(".*San Martín.*"));
        page.getByLabel("Incident type").fill("Landslide");
        page.getByLabel("What happened").fill("Earth and stones slid onto the street; a car is half buried");
        page.getByLabel("What happened").press("Control+Enter");

        page.waitForURL(Pattern.compile(".*/incidents/\\d+$"),
                new Page.WaitForURLOptions().setTimeout(SERVER_ANSWER_MILLIS));
        return Long.parseLong(page.url().replaceAll(".*/incidents/", ""));
    }

    /** Back on the call-taker's screen, the call in progress is hung up: the centre sends the BYE. */
    private static void hangUp(Page page, long callId) {
        page.navigate("/calls");
        assertThat(page.locator("#calls-page[data-ready=true]")).hasCount(1);
        page.locator("#calls-active [data-call='" + callId + "']")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Hang up")).click();
        assertThat(page.locator("#calls-recent [data-call='" + callId + "']")).containsText("Ended");
    }

    private static void seeTheCameraAndAssignTheRecommendedUnit(Page page, IncidentView incident, String camera,
                                                                String callSign) {
        Locator cameraItem = page.locator("#incident-cameras li", new Page.LocatorOptions().setHasText(camera));
        assertThat(cameraItem).containsText("60 m");
        assertThat(cameraItem.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Recorded from the call")))
                .hasAttribute("href", Pattern.compile("[?&]case=" + incident.number() + "(&|$)"));

        Locator panel = page.locator("#dispatch-panel-" + incident.id());
        assertThat(panel.locator("table.dispatch-recommendations tbody tr").first()).containsText(callSign);
        panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Assign " + callSign)).click();
        assertThat(panel.locator("table.dispatch-assignments")).containsText(callSign);

        page.reload();
        assertThat(page.locator("#incident-heading")).containsText("dispatched");
    }

    private static void report(Page page, String stage) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(stage)).click();
        assertThat(page.locator("#responder-status")).hasText(stage);
    }

    private Page signedIn(BrowserContext context, String username, String path) {
        context.setDefaultTimeout(SERVER_ANSWER_MILLIS);
        Page page = context.newPage();
        Browser.signIn(page, username, PASSWORD);
        page.waitForURL(url -> !url.contains("/login"));
        page.navigate(path);
        if (path.equals("/calls")) assertThat(page.locator("#calls-page[data-ready=true]")).hasCount(1);
        return page;
    }

    /** A phone's screen and touch, as a responder in a vehicle holds it. */
    private BrowserContext phone() {
        return phoneChromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setLocale("en")
                .setExtraHTTPHeaders(Map.of("Accept-Language", "en"))
                .setViewportSize(390, 844)
                .setIsMobile(true)
                .setHasTouch(true));
    }

    private String user(String role) {
        String username = TestAccounts.unique("e2e-" + role);
        accounts.create(username, "End-to-end " + role, PASSWORD, Set.of(role));
        return username;
    }

    private Long callIdOf(String sipCallId) {
        return jdbc.sql("SELECT id FROM calls WHERE sip_call_id = ?").param(sipCallId).query(Long.class).optional()
                .orElse(null);
    }

    private void awaitIncidentStatus(long incidentId, String status) {
        Await.until(SOON, () -> ApiClient.json(dispatcherApi.get("/api/v1/incidents/" + incidentId))
                .path("status").asString().equals(status));
    }

    private String unitStatus(long unitId) {
        return ApiClient.json(dispatcherApi.get("/api/v1/units/" + unitId)).path("status").asString();
    }

    /** How many of each measure today's summary counts, for the agency's units (calls are never narrowed). */
    private Map<String, Integer> kpiCounts(String agency) {
        String today = LocalDate.now(ZoneId.of("America/Argentina/Jujuy")).toString();
        var response = dispatcherApi.get("/api/v1/response-times?from=" + today + "&to=" + today + "&agency="
                + URLEncoder.encode(agency, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode measure : ApiClient.json(response).path("measures")) {
            counts.put(measure.path("measure").asString(), measure.path("count").asInt());
        }
        assertThat(counts).containsKeys(MEASURES_GROWN.toArray(String[]::new));
        return counts;
    }

    private static JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ApiClient.json(response);
    }
}

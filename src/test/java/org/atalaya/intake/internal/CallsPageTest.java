package org.atalaya.intake.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.atalaya.identity.UserAccounts;
import org.atalaya.incident.IncidentView;
import org.atalaya.incident.Incidents;
import org.atalaya.telephony.CallerLocation;
import org.atalaya.telephony.EmergencyLines;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A call-taker at the screen: a SIP call rings without a reload, with its caller and location, and goes to the
 * recently ended calls as abandoned when the caller gives up; a call that came by ordinary phone is taken down with the
 * keyboard (new call, caller, type proposing its priority, a point typed as coordinates, narrative, Enter) and the
 * screen goes to the new incident, which has the call's time stamps.
 */
@AtalayaTest
class CallsPageTest {

    /** How long a check that waits for the server may wait: the suite may share the machine with other work. */
    private static final double SERVER_ANSWER_MILLIS = 15_000;

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    Incidents incidents;
    @Autowired
    ApplicationContext application;

    private CallFixtures fixtures;
    private String callTaker;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @BeforeEach
    void callTaker() {
        fixtures = new CallFixtures(jdbc, accounts, events);
        callTaker = fixtures.callTaker();
    }

    @Test
    void aSipCallRingsWithItsCallerAndPlaceAndIsAbandonedWhenTheCallerGivesUp() {
        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = signedIn(context);
            String sip = CallFixtures.sipCallId();
            String number = "+5438840" + (System.nanoTime() % 100000);
            long id = fixtures.offer(sip, "sip:" + number + "@carrier.example", "Rosa Quispe",
                    new CallerLocation(-24.1857, -65.2995, 40.0, null), null, Instant.now());

            Locator ringing = page.locator("#calls-ringing [data-call='" + id + "']");
            assertThat(ringing).isVisible(visible());
            assertThat(ringing).containsText(number);
            assertThat(ringing).containsText("Rosa Quispe");
            assertThat(ringing).containsText("-24.18570, -65.29950 ± 40 m");
            assertThat(ringing.getByText("Answer")).isVisible();

            fixtures.end(sip, Instant.now(), false);
            Locator recent = page.locator("#calls-recent [data-call='" + id + "']");
            assertThat(recent).containsText("Abandoned", text());
            assertThat(ringing).hasCount(0);
        }
    }

    /**
     * The call is published as telephony would publish it, but never reached the SIP user agent, which therefore
     * cannot answer it: exactly what a call-taker meets when the caller hangs up as they press the key.
     */
    @Test
    void answeringACallTheLineNoLongerHasSaysSoAndTheCallIsAbandoned() {
        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = signedIn(context);
            // offered long ago, so that it is the first ringing call whatever other tests left ringing
            long id = fixtures.offer(CallFixtures.sipCallId(), "sip:+543884111222@carrier.example", null, null,
                    "missing", Instant.parse("2001-01-01T00:00:00Z"));
            Locator ringing = page.locator("#calls-ringing [data-call='" + id + "']");
            assertThat(ringing).isVisible(visible());
            assertThat(page.locator("#calls-ringing .call-row").first()).hasAttribute("data-call", String.valueOf(id));

            page.keyboard().press("a");
            assertThat(page.locator("#calls-message"))
                    .containsText("The caller of call " + id + " hung up before it was answered.", text());
            assertThat(page.locator("#calls-recent [data-call='" + id + "']")).containsText("Abandoned", text());
            Assertions.assertThat(jdbc.sql("SELECT outcome FROM audit_entry WHERE action = 'call.answered'"
                    + " AND target = ? ORDER BY seq").param("call:" + id).query(String.class).list())
                    .containsExactly("SUCCESS", "FAILURE");
        }
    }

    @Test
    void anAnsweredSipCallIsTakenDownWithTheCallersPlaceAlreadyOnTheMap() {
        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = signedIn(context);
            String sip = CallFixtures.sipCallId();
            Instant offeredAt = Instant.now().minusSeconds(20).truncatedTo(ChronoUnit.MILLIS);
            double[] point = CallFixtures.somewhere();
            long id = fixtures.offer(sip, "sip:+543884222333@carrier.example", "Carla Mamani",
                    new CallerLocation(point[0], point[1], 25.0, "Av. Forestal 1200"), null, offeredAt);
            // the answer as the SIP user agent would give it for a call that really rang
            CallFixtures.deskWith(new EmergencyLines() {
                @Override
                public boolean answer(String callId) {
                    return true;
                }

                @Override
                public boolean hangUp(String callId) {
                    return true;
                }
            }, application).answer(id, new CallFixtures.CallTaker(callTaker));

            Locator active = page.locator("#calls-active [data-call='" + id + "']");
            active.getByText("Take down").click(new Locator.ClickOptions().setTimeout(SERVER_ANSWER_MILLIS));
            assertThat(page.getByLabel("Caller's number")).hasValue("+543884222333");
            assertThat(page.getByLabel("Caller's name")).hasValue("Carla Mamani");
            assertThat(page.getByLabel("Address or place")).hasValue("Av. Forestal 1200");
            assertThat(page.getByLabel("Coordinates")).hasValue(String.format(Locale.ROOT, "%.6f, %.6f", point[0],
                    point[1]));
            assertThat(page.locator("#intake-map .intake-uncertainty")).hasCount(1);
            assertThat(page.locator("#intake-map .intake-point")).hasCount(1);

            page.getByLabel("Incident type").fill("Medical emergency");
            page.getByLabel("What happened").fill("An elderly man fainted at the bus stop");
            page.getByLabel("Caller's name").press("Enter");

            page.waitForURL(Pattern.compile(".*/incidents/\\d+$"),
                    new Page.WaitForURLOptions().setTimeout(SERVER_ANSWER_MILLIS));
            IncidentView incident = incidents.find(Long.parseLong(page.url().replaceAll(".*/incidents/", "")))
                    .orElseThrow();
            Assertions.assertThat(incident.typeCode()).isEqualTo("MEDICAL_EMERGENCY");
            Assertions.assertThat(incident.callOfferedAt()).isEqualTo(offeredAt);
            Assertions.assertThat(incident.callAnsweredAt()).isAfter(offeredAt);
            Assertions.assertThat(incident.address()).isEqualTo("Av. Forestal 1200");
            Assertions.assertThat(incident.latitude()).isCloseTo(point[0], Assertions.within(1e-6));
            fixtures.end(sip, Instant.now(), true);
        }
    }

    @Test
    void aCallByOrdinaryPhoneIsTakenDownWithTheKeyboardAndOpensAnIncident() {
        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = signedIn(context);
            page.keyboard().press("n");
            Locator number = page.getByLabel("Caller's number");
            assertThat(number).isFocused(new LocatorAssertions.IsFocusedOptions().setTimeout(SERVER_ANSWER_MILLIS));
            Locator active = page.locator("#calls-active .call-row.selected");
            assertThat(active).hasCount(1);
            long callId = Long.parseLong(active.getAttribute("data-call"));

            page.keyboard().type("+54 388 400-1234");
            page.keyboard().press("Tab");
            page.keyboard().type("Jorge");
            page.keyboard().press("Tab");
            page.keyboard().type("Structure fire");
            assertThat(page.getByLabel("Priority")).hasValue("1");
            page.keyboard().press("Tab");
            page.keyboard().press("Tab");
            Assertions.assertThat(page.evaluate("document.activeElement.id")).isEqualTo("intake-coordinates");
            double[] point = CallFixtures.somewhere();
            page.keyboard().type(point[0] + ", " + point[1]);
            page.keyboard().press("Tab");
            page.keyboard().type("Corner of Belgrano and Lavalle");
            page.keyboard().press("Tab");
            page.keyboard().type("Smoke coming out of a second-floor window");
            page.keyboard().press("Control+Enter");

            page.waitForURL(Pattern.compile(".*/incidents/\\d+$"),
                    new Page.WaitForURLOptions().setTimeout(SERVER_ANSWER_MILLIS));
            long incidentId = Long.parseLong(page.url().replaceAll(".*/incidents/", ""));
            IncidentView incident = incidents.find(incidentId).orElseThrow();
            Assertions.assertThat(incident.typeCode()).isEqualTo("FIRE_STRUCTURE");
            Assertions.assertThat(incident.latitude()).isCloseTo(point[0], Assertions.within(1e-6));
            Assertions.assertThat(incident.address()).isEqualTo("Corner of Belgrano and Lavalle");
            Assertions.assertThat(incident.callOfferedAt()).isNotNull();
            Assertions.assertThat(incident.callAnsweredAt()).isEqualTo(incident.callOfferedAt());
            Assertions.assertThat(jdbc.sql("SELECT incident_id FROM calls WHERE id = ?").param(callId)
                    .query(Long.class).single()).isEqualTo(incidentId);
        }
    }

    @Test
    void aMissingTypeAndNarrativeAreSaidNextToTheirFields() {
        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = signedIn(context);
            page.navigate("/calls?lang=es");
            assertThat(page.locator("#calls-page[data-ready=true]")).hasCount(1,
                    new LocatorAssertions.HasCountOptions().setTimeout(SERVER_ANSWER_MILLIS));
            page.getByText("Nueva llamada").click();
            assertThat(page.locator("#intake-form")).isVisible(visible());
            page.locator("#intake-address").fill("Plaza Belgrano");
            page.locator("#intake-submit").click();
            assertThat(page.locator("[data-error=typeCode]")).containsText("Elija el tipo de incidente.", text());
            assertThat(page.locator("[data-error=narrative]")).hasText("Escriba qué pasó.");
            assertThat(page.locator("[data-error=location]")).isHidden();
            PageAssertions pageAssertions = assertThat(page);
            pageAssertions.hasURL(Pattern.compile(".*/calls(\\?.*)?$"));
        }
    }


    private Page signedIn(BrowserContext context) {
        Page page = context.newPage();
        Browser.signIn(page, callTaker, CallFixtures.PASSWORD);
        page.navigate("/calls");
        assertThat(page.locator("#calls-page[data-ready=true]")).hasCount(1,
                new LocatorAssertions.HasCountOptions().setTimeout(SERVER_ANSWER_MILLIS));
        return page;
    }

    private static LocatorAssertions.IsVisibleOptions visible() {
        return new LocatorAssertions.IsVisibleOptions().setTimeout(SERVER_ANSWER_MILLIS);
    }

    private static LocatorAssertions.ContainsTextOptions text() {
        return new LocatorAssertions.ContainsTextOptions().setTimeout(SERVER_ANSWER_MILLIS);
    }
}

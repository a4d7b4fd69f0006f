package org.atalaya.responder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.atalaya.dispatch.UnitStatus;
import org.atalaya.dispatch.UnitView;
import org.atalaya.dispatch.Units;
import org.atalaya.identity.UserAccounts;
import org.atalaya.incident.IncidentStatus;
import org.atalaya.incident.Incidents;
import org.atalaya.tracking.UnitPositions;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.EventStreamReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A responder signs on to a unit, sees its incident, reports its status and signs off, through the page's forms. */
@AtalayaTest
class ResponderPageTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Incidents incidents;
    @Autowired
    Units units;
    @Autowired
    UnitPositions positions;

    /** One administrator and one dispatcher for the class: making accounts is slow (their passwords are hashed). */
    static ResponderFixtures fixtures;
    String responder;
    String callSign;
    long unit;

    @BeforeEach
    void unitAndResponder() {
        if (fixtures == null) fixtures = new ResponderFixtures(port, jdbc, accounts, incidents);
        responder = fixtures.responder();
        callSign = ResponderFixtures.callSign();
        unit = fixtures.unit(callSign);
    }

    private ResponderSession signedIn(String language) {
        return new ResponderSession(port, language).signIn(responder, ResponderFixtures.PASSWORD);
    }

    @Test
    void aResponderNotSignedOnChoosesTheirUnit() {
        var session = signedIn("en");

        var page = session.get("/responder");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Choose your unit").contains(callSign).contains("data-signed-on=\"false\"");

        var signedOn = session.post("/responder/sign-on", "unitId", String.valueOf(unit));
        assertThat(signedOn.statusCode()).isEqualTo(302);
        assertThat(ResponderSession.location(signedOn)).isEqualTo("/responder");
        assertThat(units.signedOnBy(responder)).map(UnitView::id).contains(unit);

        var unitPage = session.get("/responder");
        assertThat(unitPage.body()).contains("class=\"responder-sign\">" + callSign + "<")
                .contains("data-status=\"AVAILABLE\"").contains("Out of service")
                .contains("No incident.").doesNotContain("Choose your unit");
    }

    @Test
    void theAssignedIncidentIsShownWithAWayToNavigateThere() {
        units.signOn(responder, unit);
        long incident = fixtures.incident();
        fixtures.assign(incident, unit);
        String number = incidents.find(incident).orElseThrow().number();

        var page = signedIn("en").get("/responder");

        assertThat(page.body()).contains(number).contains("Structure fire").contains("Belgrano 450")
                .contains("Smoke from a kitchen window").contains("Priority 1")
                .contains("href=\"geo:-24.185800,-65.299500?q=-24.185800,-65.299500\"")
                .contains("data-incident-latitude=\"-24.1858\"")
                .contains("data-status=\"DISPATCHED\"").contains(">En route<");
    }

    @Test
    void theStatusButtonsMoveTheUnitAndItsIncidentAlong() {
        units.signOn(responder, unit);
        long incident = fixtures.incident();
        fixtures.assign(incident, unit);
        var session = signedIn("en");
        session.get("/responder");

        assertThat(session.post("/responder/status", "from", "DISPATCHED", "status", "EN_ROUTE").statusCode())
                .isEqualTo(302);
        assertThat(units.find(unit).orElseThrow().status()).isEqualTo(UnitStatus.EN_ROUTE);
        assertThat(incidents.find(incident).orElseThrow().status()).isEqualTo(IncidentStatus.EN_ROUTE);

        session.get("/responder");
        session.post("/responder/status", "from", "EN_ROUTE", "status", "ON_SCENE");
        assertThat(units.find(unit).orElseThrow().status()).isEqualTo(UnitStatus.ON_SCENE);
        assertThat(incidents.find(incident).orElseThrow().status()).isEqualTo(IncidentStatus.ON_SCENE);

        session.get("/responder");
        session.post("/responder/status", "from", "ON_SCENE", "status", "AVAILABLE");
        UnitView cleared = units.find(unit).orElseThrow();
        assertThat(cleared.status()).isEqualTo(UnitStatus.AVAILABLE);
        assertThat(cleared.incidentId()).isNull();
    }

    @Test
    void aPressOnAPageThatNoLongerShowsTheUnitsStatusIsRefusedWithASentence() {
        units.signOn(responder, unit);
        var session = signedIn("en");
        session.get("/responder");
        fixtures.assign(fixtures.incident(), unit);

        var stale = session.post("/responder/status", "from", "AVAILABLE", "status", "OUT_OF_SERVICE");

        assertThat(stale.statusCode()).isEqualTo(302);
        assertThat(units.find(unit).orElseThrow().status()).isEqualTo(UnitStatus.DISPATCHED);
        assertThat(session.get("/responder").body())
                .contains("Your unit is now Dispatched: the dispatch centre changed it meanwhile.");
    }

    @Test
    void aDoubleTapChangesNothingMoreAndRefusesNothing() {
        units.signOn(responder, unit);
        fixtures.assign(fixtures.incident(), unit);
        var session = signedIn("en");
        session.get("/responder");

        session.post("/responder/status", "from", "DISPATCHED", "status", "EN_ROUTE");
        var again = session.htmxPost("/responder/status", "from", "DISPATCHED", "status", "EN_ROUTE");

        assertThat(again.body()).doesNotContain("role=\"alert\"").contains("data-status=\"EN_ROUTE\"");
        assertThat(units.find(unit).orElseThrow().status()).isEqualTo(UnitStatus.EN_ROUTE);
    }

    @Test
    void withHtmxTheAnswerIsThePanelAloneWithTheRefusalInIt() {
        var session = signedIn("en");
        session.get("/responder");

        var refused = session.htmxPost("/responder/status", "from", "DISPATCHED", "status", "EN_ROUTE");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).startsWith("<section id=\"responder-panel\"").doesNotContain("<html")
                .contains("role=\"alert\"").contains("You are not signed on to a unit: choose your unit first.");

        var signedOn = session.htmxPost("/responder/sign-on", "unitId", String.valueOf(unit));
        assertThat(signedOn.body()).startsWith("<section id=\"responder-panel\"").contains(callSign)
                .contains("data-signed-on=\"true\"").doesNotContain("role=\"alert\"");

        var signedOff = session.htmxPost("/responder/sign-off");
        assertThat(signedOff.body()).contains("data-signed-on=\"false\"");
        assertThat(units.signedOnBy(responder)).isEmpty();
    }

    @Test
    void thePageSpeaksSpanish() {
        units.signOn(responder, unit);
        fixtures.assign(fixtures.incident(), unit);

        var page = signedIn("es").get("/responder");

        assertThat(page.body()).contains("Incendio estructural").contains("Despachada").contains(">En camino<")
                .contains("Navegar").contains("Compartir mi posición: no");
    }

    @Test
    void thePositionSentIsStoredAsTheSignedOnUnits() {
        var session = signedIn("en");
        session.get("/responder");
        String fix = """
                {"latitude": -24.1861, "longitude": -65.2990, "accuracy": 12.5, "speed": 8.2, "heading": 270,
                 "timestamp": %d}""".formatted(System.currentTimeMillis() - 2000);

        var notSignedOn = session.postJson("/responder/position", fix);
        assertThat(notSignedOn.statusCode()).isEqualTo(409);
        assertThat(notSignedOn.body()).contains("choose your unit first");

        units.signOn(responder, unit);
        var stored = session.postJson("/responder/position", fix);

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(stored.body()).contains("\"accuracyMetres\":12.5");
        var latest = positions.latest(unit).orElseThrow();
        assertThat(latest.latitude()).isEqualTo(-24.1861);
        assertThat(latest.longitude()).isEqualTo(-65.2990);
        assertThat(latest.accuracyMetres()).isEqualTo(12.5);
        assertThat(latest.speedMps()).isEqualTo(8.2);
        assertThat(latest.headingDeg()).isEqualTo(270.0);
    }

    @Test
    void impossibleCoordinatesAreRefusedWithTheReason() {
        units.signOn(responder, unit);
        var session = signedIn("en");
        session.get("/responder");

        var tooFarNorth = session.postJson("/responder/position", "{\"latitude\": 91.5, \"longitude\": -65.29}");
        assertThat(tooFarNorth.statusCode()).isEqualTo(400);
        assertThat(tooFarNorth.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(tooFarNorth.body()).contains("The latitude must be between -90 and 90 (got 91.5).");

        var noLongitude = session.postJson("/responder/position", "{\"latitude\": -24.18}");
        assertThat(noLongitude.statusCode()).isEqualTo(400);
        assertThat(noLongitude.body()).contains("The position has no longitude.");

        var negativeAccuracy = session.postJson("/responder/position",
                "{\"latitude\": -24.18, \"longitude\": -65.29, \"accuracy\": -3}");
        assertThat(negativeAccuracy.statusCode()).isEqualTo(400);
        assertThat(positions.latest(unit)).isEmpty();
    }

    @Test
    void theStreamTellsThePageWhenADispatcherAssignsItsUnit() throws Exception {
        units.signOn(responder, unit);
        try (var stream = new EventStreamReader(port, "/responder/events", fixtures.tokenOf(responder))) {
            assertThat(stream.status()).isEqualTo(200);
            stream.until("event: situation"::equals, Duration.ofSeconds(10));
            String first = stream.until(line -> line.startsWith("data:"), Duration.ofSeconds(10));

            fixtures.assign(fixtures.incident(), unit);

            stream.until("event: situation"::equals, Duration.ofSeconds(10));
            String second = stream.until(line -> line.startsWith("data:"), Duration.ofSeconds(10));
            assertThat(second).isNotEqualTo(first);
            String panel = signedIn("en").get("/responder/panel").body();
            assertThat(panel).contains("data-version=\"" + version(second) + "\"");
        }
    }

    @Test
    void theStreamAnswersOnlyThoseWhoAskForEvents() {
        var refused = new ApiClient(port, fixtures.tokenOf(responder)).get("/responder/events");
        assertThat(refused.statusCode()).isEqualTo(406);
        assertThat(refused.body()).contains("server-sent events only");
    }

    private static String version(String dataLine) {
        return dataLine.replaceAll(".*\"version\":\"([^\"]+)\".*", "$1");
    }
}

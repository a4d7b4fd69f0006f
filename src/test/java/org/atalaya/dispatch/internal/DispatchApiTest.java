package org.atalaya.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.atalaya.dispatch.AgencyKind;
import org.atalaya.dispatch.UnitStatus;
import org.atalaya.dispatch.UnitView;
import org.atalaya.identity.UserAccounts;
import org.atalaya.incident.IncidentView;
import org.atalaya.incident.Incidents;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.EventStreamReader;
import org.atalaya.test.TestAccounts;
import org.atalaya.tracking.UnitPositions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The dispatch API as scripts and the console use it: configuring agencies, units and devices; recommending,
 * assigning and releasing; a crew reporting its status; problems answered in words; the board, the incident panel and
 * the board's live stream.
 */
@AtalayaTest
class DispatchApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Fleet fleet;
    @Autowired
    Incidents incidents;
    @Autowired
    UnitPositions positions;
    @Autowired
    DispatchService dispatch;
    @Autowired
    Clock clock;

    private ApiClient admin;
    private ApiClient dispatcher;
    private String dispatcherToken;
    private DispatchFixtures fixtures;

    @BeforeEach
    void clients() {
        TestAccounts accountsOfTest = new TestAccounts(jdbc, accounts, "dispatchapi");
        admin = new ApiClient(port, accountsOfTest.tokenFor("admin"));
        dispatcherToken = accountsOfTest.tokenFor("dispatcher");
        dispatcher = new ApiClient(port, dispatcherToken);
        fixtures = new DispatchFixtures(fleet, incidents, positions);
    }

    @Test
    void anAdministratorConfiguresAgenciesUnitsAndDevicesAndIsToldWhatIsWrong() {
        String agencyName = TestAccounts.unique("Bomberos");
        var agency = admin.post("/api/v1/agencies", """
                {"name": "%s", "kind": "FIRE"}""".formatted(agencyName));
        assertThat(agency.statusCode()).as(agency.body()).isEqualTo(201);
        long agencyId = ApiClient.json(agency).path("id").asLong();
        assertProblem(admin.post("/api/v1/agencies", """
                {"name": "%s", "kind": "FIRE"}""".formatted(agencyName)), 409, "already an agency");
        assertProblem(admin.post("/api/v1/agencies", """
                {"name": "Navy", "kind": "NAVY"}"""), 400, "POLICE, FIRE, EMS or CIVIL_DEFENCE");
        assertThat(dispatcher.post("/api/v1/agencies", """
                {"name": "Not mine", "kind": "FIRE"}""").statusCode()).isEqualTo(403);

        String callSign = TestAccounts.unique("B");
        var unit = admin.post("/api/v1/units", """
                {"callSign": "%s", "agencyId": %d, "unitType": "engine", "crew": ["Of. Tejerina", "Bombero Luna"],
                 "capabilities": ["water-tank"]}""".formatted(callSign, agencyId));
        assertThat(unit.statusCode()).as(unit.body()).isEqualTo(201);
        JsonNode created = ApiClient.json(unit);
        long unitId = created.path("id").asLong();
        assertThat(created.path("status").asString()).isEqualTo("AVAILABLE");
        assertThat(created.path("crew").toString()).contains("Of. Tejerina", "Bombero Luna");
        assertProblem(admin.post("/api/v1/units", """
                {"callSign": "%s", "agencyId": %d, "unitType": "engine"}""".formatted(callSign, agencyId)), 409,
                "already a unit " + callSign);
        assertProblem(admin.post("/api/v1/units", """
                {"callSign": "X-1", "agencyId": %d, "unitType": "submarine"}""".formatted(agencyId)), 400,
                "not submarine");
        assertProblem(admin.post("/api/v1/units", """
                {"callSign": "", "agencyId": %d, "unitType": "engine"}""".formatted(agencyId)), 400, "call sign");
        assertProblem(admin.post("/api/v1/units", """
                {"callSign": "X-2", "agencyId": 999999999, "unitType": "engine"}"""), 400,
                "no agency 999999999");

        String device = TestAccounts.unique("phone");
        var registered = admin.post("/api/v1/units/" + unitId + "/devices", """
                {"deviceId": "%s"}""".formatted(device));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(dispatcher.get("/api/v1/units/" + unitId + "/devices").body()).contains(device);
        assertThat(admin.delete("/api/v1/units/" + unitId + "/devices/" + device).statusCode()).isEqualTo(200);
        assertThat(dispatcher.get("/api/v1/units/" + unitId + "/devices").body()).doesNotContain(device);

        assertThat(dispatcher.get("/api/v1/units").body()).contains(callSign);
        assertThat(dispatcher.get("/api/v1/agencies").body()).contains(agencyName);
    }

    @Test
    void aDispatcherAssignsRecommendedUnitsAndIsToldWhenAUnitIsBusy() {
        long police = fixtures.agency(AgencyKind.POLICE);
        UnitView unit = fixtures.unit(police, "patrol");
        double[] scene = DispatchFixtures.somewhere();
        fixtures.place(unit, DispatchFixtures.north(scene, 400)[0], scene[1], clock.instant());
        IncidentView incident = fixtures.incident("ROBBERY", scene[0], scene[1]);
        IncidentView other = fixtures.incident("ROBBERY", scene[0], scene[1]);

        var recommended = dispatcher.get("/api/v1/incidents/" + incident.id() + "/recommendations");
        assertThat(recommended.statusCode()).isEqualTo(200);
        JsonNode first = ApiClient.json(recommended).get(0);
        assertThat(first.path("callSign").asString()).isEqualTo(unit.callSign());
        assertThat(first.path("etaSeconds").asLong()).isBetween(40L, 43L);

        var assigned = dispatcher.post("/api/v1/incidents/" + incident.id() + "/assignments", """
                {"unitIds": [%d]}""".formatted(unit.id()));
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(201);
        assertProblem(dispatcher.post("/api/v1/incidents/" + other.id() + "/assignments", """
                {"unitIds": [%d]}""".formatted(unit.id())), 409,
                unit.callSign() + " is already on " + incident.number() + ".");
        assertProblem(dispatcher.post("/api/v1/incidents/" + other.id() + "/assignments", "{\"unitIds\": []}"),
                400, "at least one unit");
        assertProblem(dispatcher.post("/api/v1/incidents/999999999/assignments", """
                {"unitIds": [%d]}""".formatted(unit.id())), 404, "no incident 999999999");

        JsonNode assignments = ApiClient.json(dispatcher.get("/api/v1/incidents/" + incident.id() + "/assignments"));
        assertThat(assignments).hasSize(1);
        assertThat(assignments.get(0).path("callSign").asString()).isEqualTo(unit.callSign());

        var released = dispatcher.delete("/api/v1/incidents/" + incident.id() + "/assignments/" + unit.id());
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        assertThat(ApiClient.json(released).path("status").asString()).isEqualTo("AVAILABLE");
        assertProblem(dispatcher.delete("/api/v1/incidents/" + incident.id() + "/assignments/" + unit.id()), 404,
                "is not assigned to");
    }

    @Test
    void aCrewChangesTheStatusOfItsOwnUnitOnly() {
        long police = fixtures.agency(AgencyKind.POLICE);
        UnitView mine = fixtures.unit(police, "patrol");
        UnitView theirs = fixtures.unit(police, "patrol");
        String username = TestAccounts.unique("dispatchapi-responder");
        accounts.create(username, "Responder", "a-long-responder-passphrase", Set.of("responder"));
        ApiClient crew = new ApiClient(port, accounts.issueToken(username, "dispatch tests"));

        assertProblem(crew.post("/api/v1/units/" + mine.id() + "/status", "{\"status\": \"OUT_OF_SERVICE\"}"), 403,
                "Only the crew signed on to " + mine.callSign());
        dispatch.signOn(username, mine.id());
        assertThat(dispatch.signedOnBy(username)).map(UnitView::id).contains(mine.id());

        var changed = crew.post("/api/v1/units/" + mine.id() + "/status", "{\"status\": \"OUT_OF_SERVICE\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(ApiClient.json(changed).path("status").asString()).isEqualTo("OUT_OF_SERVICE");
        assertProblem(crew.post("/api/v1/units/" + theirs.id() + "/status", "{\"status\": \"OUT_OF_SERVICE\"}"), 403,
                "Only the crew");
        assertProblem(crew.post("/api/v1/units/" + mine.id() + "/status", "{\"status\": \"ON_SCENE\"}"), 409,
                "has no incident");
        assertProblem(crew.post("/api/v1/units/" + mine.id() + "/status", "{\"status\": \"ASLEEP\"}"), 400,
                "not ASLEEP");

        var byDispatcher = dispatcher.post("/api/v1/units/" + mine.id() + "/status", "{\"status\": \"AVAILABLE\"}");
        assertThat(byDispatcher.statusCode()).as(byDispatcher.body()).isEqualTo(200);
        dispatch.signOff(username);
        assertThat(dispatch.signedOnBy(username)).isEmpty();
        assertThat(dispatch.find(mine.id()).orElseThrow().status()).isEqualTo(UnitStatus.AVAILABLE);
    }

    @Test
    void theBoardThePanelAndTheUnitsPageRender() {
        long police = fixtures.agency(AgencyKind.POLICE);
        UnitView unit = fixtures.unit(police, "patrol");
        double[] scene = DispatchFixtures.somewhere();
        fixtures.place(unit, DispatchFixtures.north(scene, 1200)[0], scene[1], clock.instant());
        IncidentView incident = fixtures.incident("BURGLARY", scene[0], scene[1]);

        var board = dispatcher.scrape("/dispatch");
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains("id=\"dispatch-map\"", "/js/dispatch-board.js");
        JsonNode data = ApiClient.json(dispatcher.get("/api/v1/dispatch/board"));
        assertThat(data.path("incidents").toString()).contains(incident.number());
        assertThat(data.path("units").toString()).contains(unit.callSign());

        var panel = dispatcher.scrape("/dispatch/incidents/" + incident.id() + "/panel");
        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).contains(unit.callSign(), "Assign " + unit.callSign(), "1.2 km")
                .doesNotContain("<html");

        var units = admin.scrape("/dispatch/units");
        assertThat(units.statusCode()).isEqualTo(200);
        assertThat(units.body()).contains(unit.callSign(), "Add unit");
    }

    @Test
    void theBoardsStreamCarriesUnitPositions() throws Exception {
        UnitView unit = fixtures.unit(fixtures.agency(AgencyKind.EMS), "ambulance");
        try (var stream = new EventStreamReader(port, "/api/v1/dispatch/stream", dispatcherToken)) {
            assertThat(stream.status()).isEqualTo(200);
            stream.until(line -> line.equals("event: ready"), Duration.ofSeconds(20));
            fixtures.place(unit, -24.1901, -65.3012, clock.instant());
            String position = stream.until(line -> line.startsWith("data:")
                    && line.contains("\"unitId\":" + unit.id() + ","), Duration.ofSeconds(20));
            assertThat(position).contains("-24.1901", "-65.3012");
            assertThat(stream.previous(position)).isEqualTo("event: position");
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(ApiClient.json(response).path("detail").asString()).contains(detail);
    }
}

package org.atalaya.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A supervisor reads the response times of one agency's ambulance that answered a cardiac arrest, as JSON and as CSV
 * files without personal data; exporting is audited, reading is not.
 */
@AtalayaTest
class ResponseTimesApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;

    private TestAccounts fixtures;
    private ApiClient supervisor;
    private String agency;
    private KpiScenario.Incident incident;
    private long unit;
    private String today;

    @BeforeEach
    void anAmbulanceAnswersACardiacArrest() {
        fixtures = new TestAccounts(jdbc, accounts, "kpiapi");
        var scenario = new KpiScenario(port, fixtures);
        agency = scenario.agency(TestAccounts.unique("Ambulancias \"Norte\", Jujuy"), "EMS");
        unit = scenario.unit(agency, "ambulance");
        incident = scenario.incidentFromACall("CARDIAC_ARREST");
        scenario.respond(incident, unit);
        supervisor = new ApiClient(port, fixtures.tokenFor("supervisor"));
        today = LocalDate.now(ZoneId.of("America/Argentina/Jujuy")).toString();
    }

    private String filter() {
        return "from=" + today + "&to=" + today + "&agency=" + URLEncoder.encode(agency, StandardCharsets.UTF_8);
    }

    @Test
    void theSummaryOfOneAgencyHasItsOwnIncidentAndUnit() {
        var response = supervisor.get("/api/v1/response-times?" + filter());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode summary = ApiClient.json(response);
        assertThat(summary.path("agency").asString()).isEqualTo(agency);
        assertThat(summary.path("periodUnit").asString()).as("one day is shown hour by hour").isEqualTo("hour");
        assertThat(summary.path("byPeriod")).hasSize(24);
        assertThat(summary.path("incidents").path("opened").asInt()).isEqualTo(1);
        for (String measure : new String[] {"call-processing", "turnout", "travel", "first-on-scene"}) {
            JsonNode figures = measure(summary.path("measures"), measure);
            assertThat(figures.path("count").asInt()).as(measure).isEqualTo(1);
            assertThat(figures.path("p90Seconds").asDouble()).as(measure).isBetween(0.0, 60.0);
        }
        JsonNode turnout = measure(summary.path("measures"), "turnout");
        assertThat(turnout.path("targetSeconds").asDouble()).as("a medical unit's").isEqualTo(60.0);
        assertThat(turnout.path("shareWithinTarget").asDouble()).isEqualTo(1.0);
        assertThat(turnout.path("targetMet").asBoolean()).isTrue();
        assertThat(measure(summary.path("measures"), "first-on-scene").has("targetMet"))
                .as("no target for the first unit on scene by default").isFalse();
        assertThat(summary.path("calls").path("typedIn").asInt()).as("calls are not narrowed by agency")
                .isGreaterThanOrEqualTo(1);
        assertThat(summary.path("byAgency")).hasSize(1);
        assertThat(summary.path("byAgency").get(0).path("key").asString()).isEqualTo(agency);
        assertThat(summary.path("byType").get(0).path("key").asString()).isEqualTo("CARDIAC_ARREST");
    }

    @Test
    void theCsvOfAssignmentsHasOneQuotedRowForTheUnitAndIsAudited() {
        long exportsBefore = exportsBy();

        var response = supervisor.get("/api/v1/response-times.csv?by=assignment&" + filter());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"response-times-assignments.csv\"");
        String[] lines = response.body().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("incident_number,incident_type,unit_id,unit_type,agency,");
        String quotedAgency = "\"" + agency.replace("\"", "\"\"") + "\"";
        assertThat(lines[1]).startsWith(incident.number() + ",CARDIAC_ARREST," + unit + ",ambulance,"
                + quotedAgency + ",ems,");
        assertThat(lines[1]).contains(",60,");
        assertThat(exportsBy()).isEqualTo(exportsBefore + 1);
        String details = jdbc.sql("""
                        SELECT details::text FROM audit_entry WHERE action = 'kpi.exported' AND actor = ?
                        ORDER BY seq DESC LIMIT 1""")
                .param(supervisorName()).query(String.class).single();
        assertThat(details).contains("\"by\": \"assignment\"").contains("\"from\": \"" + today + "\"");
    }

    @Test
    void theCsvOfCallsAndIncidentsCarriesNoPersonalData() {
        var calls = supervisor.get("/api/v1/response-times.csv?by=call&" + filter());
        var incidents = supervisor.get("/api/v1/response-times.csv?by=incident&" + filter());

        assertThat(calls.statusCode()).isEqualTo(200);
        assertThat(calls.body()).contains("\r\n" + incident.callId() + ",manual," + incident.number()
                + ",CARDIAC_ARREST,");
        assertThat(incidents.statusCode()).isEqualTo(200);
        assertThat(incidents.body().split("\r\n")).hasSize(2);
        assertThat(incidents.body()).contains("\r\n" + incident.number() + ",CARDIAC_ARREST,1,on_scene,");
        for (String body : new String[] {calls.body(), incidents.body()}) {
            assertThat(body).doesNotContain(KpiScenario.CALLER_NUMBER).doesNotContain("4551234")
                    .doesNotContain(KpiScenario.CALLER_NAME).doesNotContain("Quispe");
        }
    }

    @Test
    void readingTheSummaryIsNotAudited() {
        long before = jdbc.sql("SELECT count(*) FROM audit_entry WHERE actor = ?").param(supervisorName())
                .query(Long.class).single();
        assertThat(supervisor.get("/api/v1/response-times?" + filter()).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE actor = ?").param(supervisorName())
                .query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void badFiltersAreProblemsAPersonUnderstands() {
        var notADate = supervisor.get("/api/v1/response-times?from=29-11-2026");
        assertThat(notADate.statusCode()).isEqualTo(400);
        assertThat(notADate.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(ApiClient.json(notADate).path("detail").asString())
                .isEqualTo("The from date \"29-11-2026\" is not a date like 2026-11-29.");

        var backwards = supervisor.get("/api/v1/response-times.csv?from=2026-11-20&to=2026-11-01");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(backwards).path("detail").asString()).isEqualTo("The period ends before it starts.");

        var unknownRows = supervisor.get("/api/v1/response-times.csv?by=unit");
        assertThat(unknownRows.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(unknownRows).path("detail").asString())
                .isEqualTo("\"unit\" is not one of call, incident or assignment.");
    }

    @Test
    void onlyThoseAllowedToSeeResponseTimesMayReadThem() {
        var responder = new ApiClient(port, fixtures.tokenFor("responder"));
        assertThat(responder.get("/api/v1/response-times").statusCode()).isEqualTo(403);
        assertThat(responder.get("/api/v1/response-times.csv").statusCode()).isEqualTo(403);
        assertThat(new ApiClient(port, null).get("/api/v1/response-times").statusCode()).isEqualTo(401);
    }

    private long exportsBy() {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'kpi.exported' AND actor = ?")
                .param(supervisorName()).query(Long.class).single();
    }

    private String supervisorName() {
        JsonNode me = ApiClient.json(supervisor.get("/api/v1/me"));
        return me.path("username").asString();
    }

    private static JsonNode measure(JsonNode measures, String key) {
        for (JsonNode measure : measures) {
            if (measure.path("measure").asString().equals(key)) return measure;
        }
        throw new AssertionError("no measure " + key + " in " + measures);
    }
}

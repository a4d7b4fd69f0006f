package org.atalaya.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.atalaya.test.ApiClient;
import org.atalaya.test.TestAccounts;

/**
 * A response driven through the other modules' REST APIs, as people would: an administrator sets up an agency and a
 * unit, a call-taker takes a call and opens an incident, a dispatcher assigns the unit, which goes en route and
 * arrives on scene. Every name is unique to the test that made it.
 */
final class KpiScenario {

    static final String CALLER_NUMBER = "+543884551234";
    static final String CALLER_NAME = "Ana Quispe";

    private final ApiClient admin;
    private final ApiClient callTaker;
    private final ApiClient dispatcher;

    KpiScenario(int port, TestAccounts accounts) {
        admin = new ApiClient(port, accounts.tokenFor("admin"));
        callTaker = new ApiClient(port, accounts.tokenFor("call-taker"));
        dispatcher = new ApiClient(port, accounts.tokenFor("dispatcher"));
    }

    /** A new agency of the kind; returns its name. */
    String agency(String name, String kind) {
        var created = admin.post("/api/v1/agencies", """
                {"name": %s, "kind": "%s"}""".formatted(json(name), kind));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.json(created).path("name").asString();
    }

    long unit(String agencyName, String unitType) {
        long agencyId = 0;
        for (var agency : ApiClient.json(dispatcher.get("/api/v1/agencies"))) {
            if (agency.path("name").asString().equals(agencyName)) agencyId = agency.path("id").asLong();
        }
        var created = admin.post("/api/v1/units", """
                {"callSign": "%s", "agencyId": %d, "unitType": "%s", "capabilities": [], "crew": []}"""
                .formatted(TestAccounts.unique("K"), agencyId, unitType));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.json(created).path("id").asLong();
    }

    /** A call typed in by the call-taker that opens an incident of the type; returns the incident's number. */
    Incident incidentFromACall(String typeCode) {
        var call = callTaker.post("/api/v1/calls", """
                {"callerNumber": "%s", "callerName": "%s"}""".formatted(CALLER_NUMBER, CALLER_NAME));
        assertThat(call.statusCode()).as(call.body()).isEqualTo(201);
        long callId = ApiClient.json(call).path("id").asLong();
        var opened = callTaker.post("/api/v1/calls/" + callId + "/incident", """
                {"callerNumber": "%s", "callerName": "%s", "typeCode": "%s", "latitude": -24.1858,
                 "longitude": -65.2995, "narrative": "Response-time test", "openAnyway": true}"""
                .formatted(CALLER_NUMBER, CALLER_NAME, typeCode));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        var result = ApiClient.json(opened);
        return new Incident(callId, result.path("incidentId").asLong(), result.path("incidentNumber").asString());
    }

    /** The unit is dispatched to the incident, goes en route and arrives on scene. */
    void respond(Incident incident, long unitId) {
        ok(dispatcher.post("/api/v1/incidents/" + incident.id() + "/assignments", """
                {"unitIds": [%d]}""".formatted(unitId)));
        ok(dispatcher.post("/api/v1/units/" + unitId + "/status", "{\"status\": \"EN_ROUTE\"}"));
        ok(dispatcher.post("/api/v1/units/" + unitId + "/status", "{\"status\": \"ON_SCENE\"}"));
    }

    record Incident(long callId, long id, String number) {
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

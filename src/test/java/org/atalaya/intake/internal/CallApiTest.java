package org.atalaya.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.StreamSupport;
import org.atalaya.identity.UserAccounts;
import org.atalaya.incident.IncidentView;
import org.atalaya.incident.Incidents;
import org.atalaya.incident.IncidentsMerged;
import org.atalaya.intake.CallChannel;
import org.atalaya.intake.CallLog;
import org.atalaya.intake.CallTimes;
import org.atalaya.telephony.CallerLocation;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Await;
import org.atalaya.test.EventStreamReader;
import org.atalaya.test.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Calls as telephony reports them and as call-takers take them down over the API: stored, streamed to the consoles,
 * abandoned, typed in by hand, opened as incidents (with the call's time stamps), offered as possible duplicates and
 * added to an existing incident, kept when incidents merge, and listed for reports.
 */
@AtalayaTest
class CallApiTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

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
    CallLog callLog;
    @Autowired
    TransactionTemplate transaction;

    private CallFixtures fixtures;
    private String token;
    private ApiClient callTaker;

    @BeforeEach
    void callTaker() {
        fixtures = new CallFixtures(jdbc, accounts, events);
        token = fixtures.callTakerToken();
        callTaker = new ApiClient(port, token);
    }

    @Test
    void aSipCallIsStoredRingingWithItsLocationAndCallerNumber() {
        String sip = CallFixtures.sipCallId();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long id = fixtures.offer(sip, "sip:+543884123456@carrier.example;user=phone", "Ana Pérez",
                new CallerLocation(-24.1857, -65.2995, 35.0, null), null, at);

        JsonNode call = ApiClient.json(callTaker.get("/api/v1/calls/" + id));
        assertThat(call.path("state").asString()).isEqualTo("RINGING");
        assertThat(call.path("channel").asString()).isEqualTo("SIP");
        assertThat(call.path("callerNumber").asString()).isEqualTo("+543884123456");
        assertThat(call.path("callerName").asString()).isEqualTo("Ana Pérez");
        assertThat(call.path("latitude").asDouble()).isEqualTo(-24.1857);
        assertThat(call.path("radiusMetres").asDouble()).isEqualTo(35.0);
        assertThat(Instant.parse(call.path("offeredAt").asString())).isEqualTo(at);
        assertThat(ids(callTaker.get("/api/v1/calls?state=ringing"))).contains(id);

        // the same offer heard twice is one call
        fixtures.offer(sip, "sip:+543884123456@carrier.example", null, null, "missing", at);
        assertThat(jdbc.sql("SELECT count(*) FROM calls WHERE sip_call_id = ?").param(sip).query(Integer.class)
                .single()).isEqualTo(1);
        fixtures.end(sip, Instant.now(), false);
    }

    @Test
    void aCallThatEndsBeforeAnyoneAnswersIsAbandonedAndCannotBeAnswered() {
        String sip = CallFixtures.sipCallId();
        Instant at = Instant.now();
        long id = fixtures.offer(sip, "tel:+543884000111", null, null, "no location in the INVITE", at);
        fixtures.end(sip, at.plusSeconds(9), false);

        JsonNode call = ApiClient.json(callTaker.get("/api/v1/calls/" + id));
        assertThat(call.path("state").asString()).isEqualTo("ENDED");
        assertThat(call.path("abandoned").asBoolean()).isTrue();
        assertThat(call.path("locationProblem").asString()).isEqualTo("no location in the INVITE");
        assertThat(ids(callTaker.get("/api/v1/calls?state=recent"))).contains(id);
        assertThat(ids(callTaker.get("/api/v1/calls?state=ringing"))).doesNotContain(id);

        HttpResponse<String> answer = callTaker.post("/api/v1/calls/" + id + "/answer", "{}");
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(ApiClient.json(answer).path("detail").asString()).contains("hung up");
        assertThat(fixtures.audited("call.answered", "call:" + id)).isZero();
    }

    @Test
    void theStreamOpensWithTheQueueThenBringsANewCallAndItsEnd() throws Exception {
        String before = CallFixtures.sipCallId();
        long beforeId = fixtures.offer(before, "sip:+543884000222@carrier.example", null, null, "missing",
                Instant.now());
        try (var stream = new EventStreamReader(port, "/api/v1/calls/stream", token)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            stream.until(line -> line.startsWith("data:") && line.contains("\"id\":" + beforeId + ","), WAIT);
            stream.until(line -> line.equals("event: ready"), WAIT);

            String sip = CallFixtures.sipCallId();
            long id = fixtures.offer(sip, "sip:+543884777888@carrier.example", "Luis", null, "missing",
                    Instant.now());
            String offered = stream.until(line -> line.contains("\"id\":" + id + ","), WAIT);
            assertThat(stream.previous(offered)).isEqualTo("event: call");
            assertThat(offered).contains("\"state\":\"RINGING\"").contains("+543884777888");

            fixtures.end(sip, Instant.now(), false);
            String ended = stream.until(line -> line.contains("\"id\":" + id + ","), WAIT);
            assertThat(ended).contains("\"state\":\"ENDED\"").contains("\"abandoned\":true");
        }
        fixtures.end(before, Instant.now(), false);
    }

    @Test
    void theStreamIsForCallTakersOnly() throws Exception {
        String dispatcher = new TestAccounts(jdbc, accounts, "intake").tokenFor("dispatcher");
        try (var stream = new EventStreamReader(port, "/api/v1/calls/stream", dispatcher)) {
            assertThat(stream.status()).isEqualTo(403);
        }
        assertThat(new ApiClient(port, dispatcher).get("/api/v1/calls").statusCode()).isEqualTo(403);
    }

    @Test
    void aManualCallOpensAnIncidentWithTheCallsTimeStampsAndBelongsToIt() {
        HttpResponse<String> created = callTaker.post("/api/v1/calls",
                "{\"callerNumber\": \"+54 388 412-3456\", \"callerName\": \"María\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode call = ApiClient.json(created);
        long id = call.path("id").asLong();
        assertThat(call.path("channel").asString()).isEqualTo("MANUAL");
        assertThat(call.path("state").asString()).isEqualTo("ACTIVE");
        assertThat(call.path("offeredAt").asString()).isEqualTo(call.path("answeredAt").asString());

        double[] point = CallFixtures.somewhere();
        HttpResponse<String> opened = callTaker.post("/api/v1/calls/" + id + "/incident", """
                {"callerNumber": "+54 388 412-3456", "callerName": "María", "typeCode": "FIRE_STRUCTURE",
                 "priority": 2, "latitude": %s, "longitude": %s, "address": "Belgrano 450",
                 "narrative": "Smoke from the roof of a house"}""".formatted(point[0], point[1]));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        long incidentId = ApiClient.json(opened).path("incidentId").asLong();

        IncidentView incident = incidents.find(incidentId).orElseThrow();
        assertThat(incident.typeCode()).isEqualTo("FIRE_STRUCTURE");
        assertThat(incident.priority()).isEqualTo(2);
        assertThat(incident.callOfferedAt()).isEqualTo(Instant.parse(call.path("offeredAt").asString()));
        assertThat(incident.callAnsweredAt()).isEqualTo(Instant.parse(call.path("answeredAt").asString()));
        assertThat(incident.latitude()).isEqualTo(point[0]);

        JsonNode after = ApiClient.json(callTaker.get("/api/v1/calls/" + id));
        assertThat(after.path("incidentId").asLong()).isEqualTo(incidentId);
        assertThat(after.path("incidentNumber").asString()).isEqualTo(incident.number());
        assertThat(after.path("state").asString()).as("a call typed in by hand is over once taken down")
                .isEqualTo("ENDED");
        assertThat(fixtures.audited("call.added-to-incident", "call:" + id)).isEqualTo(1);

        HttpResponse<String> again = callTaker.post("/api/v1/calls/" + id + "/incident", """
                {"typeCode": "FIRE_STRUCTURE", "address": "Belgrano 450", "narrative": "again", "openAnyway": true}""");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(ApiClient.json(again).path("detail").asString()).contains(incident.number());
    }

    @Test
    void aSecondCallAboutTheSameFireIsOfferedTheFirstIncidentAndAddedToIt() {
        double[] point = CallFixtures.somewhere();
        long first = manualCall();
        String body = """
                {"typeCode": "FIRE_STRUCTURE", "latitude": %s, "longitude": %s, "narrative": "%s"}""";
        HttpResponse<String> opened = callTaker.post("/api/v1/calls/" + first + "/incident",
                body.formatted(point[0], point[1], "Flames in a shop"));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        long incidentId = ApiClient.json(opened).path("incidentId").asLong();
        String number = ApiClient.json(opened).path("incidentNumber").asString();

        long second = manualCall();
        HttpResponse<String> offered = callTaker.post("/api/v1/calls/" + second + "/incident",
                body.formatted(point[0] + 0.0003, point[1], "Fire in the shop on the corner"));
        assertThat(offered.statusCode()).as(offered.body()).isEqualTo(409);
        JsonNode problem = ApiClient.json(offered);
        assertThat(problem.path("title").asString()).isEqualTo("Possible duplicate");
        assertThat(StreamSupport.stream(problem.path("candidates").spliterator(), false)
                .map(candidate -> candidate.path("number").asString())).contains(number);
        assertThat(ApiClient.json(callTaker.get("/api/v1/calls/" + second)).path("incidentId").asLong(0)).isZero();

        HttpResponse<String> attached = callTaker.post("/api/v1/calls/" + second + "/attach/" + incidentId,
                "{\"narrative\": \"Neighbour confirms people got out\"}");
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);
        assertThat(ApiClient.json(attached).path("incidentNumber").asString()).isEqualTo(number);
        assertThat(callsOf(incidentId)).containsExactly(first, second);

        long third = manualCall();
        HttpResponse<String> anyway = callTaker.post("/api/v1/calls/" + third + "/incident",
                body.formatted(point[0], point[1], "Another fire, next door").replace("}", ", \"openAnyway\": true}"));
        assertThat(anyway.statusCode()).as(anyway.body()).isEqualTo(201);
        assertThat(ApiClient.json(anyway).path("incidentId").asLong()).isNotEqualTo(incidentId);
    }

    @Test
    void mergingIncidentsKeepsEveryCallWithTheSurvivor() {
        long survivorCall = manualCall();
        long duplicateCall = manualCall();
        long survivor = open(survivorCall, "Crash on the bridge");
        long duplicate = open(duplicateCall, "Two cars crashed on the bridge");

        transaction.executeWithoutResult(status ->
                events.publishEvent(new IncidentsMerged(duplicate, survivor, Instant.now(), "intake-test")));

        Await.until(WAIT, () -> callsOf(survivor).size() == 2);
        assertThat(callsOf(survivor)).containsExactly(survivorCall, duplicateCall);
        assertThat(callsOf(duplicate)).isEmpty();
    }

    @Test
    void theIncidentsCallsPanelShowsTheCallsAndTheLookIsAuditedOncePerQuietPeriod() {
        long callId = manualCall();
        long incidentId = open(callId, "A man fell from a ladder");
        ApiClient dispatcher = new ApiClient(port, new TestAccounts(jdbc, accounts, "intake").tokenFor("dispatcher"));

        HttpResponse<String> panel = dispatcher.get("/calls/incidents/" + incidentId + "/panel");
        assertThat(panel.statusCode()).as(panel.body()).isEqualTo(200);
        assertThat(panel.body()).contains("data-call=\"" + callId + "\"").contains("+543884999000")
                .doesNotContain("<nav");
        dispatcher.get("/calls/incidents/" + incidentId + "/panel");
        assertThat(fixtures.audited("call.viewed", "incident:" + incidentId)).isEqualTo(1);

        assertThat(callTaker.get("/calls/incidents/" + incidentId + "/panel").statusCode()).isEqualTo(200);
        assertThat(fixtures.audited("call.viewed", "incident:" + incidentId)).as("another user's look").isEqualTo(2);
        String auditor = new TestAccounts(jdbc, accounts, "intake").tokenFor("auditor");
        assertThat(new ApiClient(port, auditor).get("/calls/incidents/" + incidentId + "/panel").statusCode())
                .isEqualTo(403);
    }

    @Test
    void theCallLogListsTheCallsOfferedInAPeriodOldestFirst() {
        Instant base = Instant.parse("2031-03-04T05:06:07Z");
        String late = CallFixtures.sipCallId();
        String early = CallFixtures.sipCallId();
        String outside = CallFixtures.sipCallId();
        long lateId = fixtures.offer(late, "sip:+1@x.example", null, null, "missing", base.plusSeconds(30));
        long earlyId = fixtures.offer(early, "sip:+2@x.example", null, null, "missing", base);
        fixtures.offer(outside, "sip:+3@x.example", null, null, "missing", base.plusSeconds(60));
        fixtures.end(early, base.plusSeconds(12), false);

        List<CallTimes> calls = callLog.offeredBetween(base, base.plusSeconds(60));
        assertThat(calls).extracting(CallTimes::callId).containsExactly(earlyId, lateId);
        CallTimes first = calls.getFirst();
        assertThat(first.channel()).isEqualTo(CallChannel.SIP);
        assertThat(first.offeredAt()).isEqualTo(base);
        assertThat(first.answeredAt()).isNull();
        assertThat(first.endedAt()).isEqualTo(base.plusSeconds(12));
        assertThat(first.incidentId()).isNull();
    }

    @Test
    void whatIsWrongWithATakenDownCallIsSaidFieldByField() {
        long id = manualCall();
        HttpResponse<String> empty = callTaker.post("/api/v1/calls/" + id + "/incident", "{}");
        assertThat(empty.statusCode()).isEqualTo(400);
        JsonNode errors = ApiClient.json(empty).path("errors");
        assertThat(errors.path("typeCode").asString()).isEqualTo("Choose the incident type.");
        assertThat(errors.path("location").asString()).startsWith("Where is it?");
        assertThat(errors.path("narrative").asString()).isEqualTo("Write what happened.");

        HttpResponse<String> wrong = callTaker.post("/api/v1/calls/" + id + "/incident", """
                {"typeCode": "NO_SUCH_TYPE", "priority": 9, "latitude": 95, "longitude": 10, "narrative": "x",
                 "callerNumber": "%s"}""".formatted("9".repeat(41)));
        assertThat(wrong.statusCode()).isEqualTo(400);
        JsonNode wrongErrors = ApiClient.json(wrong).path("errors");
        assertThat(wrongErrors.path("typeCode").asString()).contains("NO_SUCH_TYPE");
        assertThat(wrongErrors.path("priority").asString()).contains("1");
        assertThat(wrongErrors.path("location").asString()).contains("-90 to 90");
        assertThat(wrongErrors.path("callerNumber").asString()).contains("40");
        assertThat(wrong.body()).doesNotContain("Exception").doesNotContain("at org.");

        assertThat(callTaker.get("/api/v1/calls?state=everything").statusCode()).isEqualTo(400);
        assertThat(callTaker.post("/api/v1/calls/987654321/answer", "{}").statusCode()).isEqualTo(404);
        assertThat(callTaker.post("/api/v1/calls/" + id + "/attach/987654321", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void errorsComeInTheCallersLanguage() throws Exception {
        long id = manualCall();
        HttpResponse<String> empty = postInSpanish("/api/v1/calls/" + id + "/incident", "{}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(empty).path("errors").path("narrative").asString()).isEqualTo("Escriba qué pasó.");
    }

    private HttpResponse<String> postInSpanish(String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").header("Accept-Language", "es")
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private long manualCall() {
        HttpResponse<String> created = callTaker.post("/api/v1/calls", "{\"callerNumber\": \"+543884999000\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.json(created).path("id").asLong();
    }

    /** Opens an incident of its own (a point no other test uses) from the call. */
    private long open(long callId, String narrative) {
        double[] point = CallFixtures.somewhere();
        HttpResponse<String> opened = callTaker.post("/api/v1/calls/" + callId + "/incident", """
                {"typeCode": "TRAFFIC_COLLISION", "latitude": %s, "longitude": %s, "narrative": "%s",
                 "openAnyway": true}""".formatted(point[0], point[1], narrative));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return ApiClient.json(opened).path("incidentId").asLong();
    }

    private List<Long> callsOf(long incidentId) {
        return jdbc.sql("SELECT id FROM calls WHERE incident_id = ? ORDER BY id").param(incidentId).query(Long.class)
                .list();
    }

    private static List<Long> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(ApiClient.json(response).spliterator(), false)
                .map(call -> call.path("id").asLong()).toList();
    }
}

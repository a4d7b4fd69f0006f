package org.atalaya.alarm.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.TestAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Cameras, alarm sources and their events for the sources' tests, made through the API as a person would. */
class SourceFixtures extends TestAccounts {

    static final String TOKEN_HEADER = "X-Atalaya-Source-Token";

    private final JdbcClient jdbc;
    private final int port;
    private final String supervisorToken;
    private final ApiClient admin;
    private final HttpClient http = HttpClient.newHttpClient();

    SourceFixtures(JdbcClient jdbc, UserAccounts accounts, int port) {
        super(jdbc, accounts, "sources");
        this.jdbc = jdbc;
        this.port = port;
        this.supervisorToken = tokenFor("supervisor");
        this.admin = new ApiClient(port, tokenFor("admin"));
    }

    /** A placed camera in a new group; returns its id. */
    long camera() {
        var created = admin.post("/api/v1/cameras", """
                {"name": "%s", "mainUrl": "rtsp://192.0.2.60/stream", "cameraGroup": "%s",
                 "latitude": -24.19, "longitude": -65.30}""".formatted(name("Sources camera"), group()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.json(created).path("id").asLong();
    }

    /** A source made by a supervisor; fails the test unless it was created. */
    JsonNode createSource(String json) {
        HttpResponse<String> created = send("POST", "/api/v1/alarm-sources", json, supervisorToken);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.json(created);
    }

    HttpResponse<String> asSupervisor(String method, String path, String json) {
        return send(method, path, json, supervisorToken);
    }

    HttpResponse<String> send(String method, String path, String json, String bearerToken) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) request.header("Content-Type", "application/json");
        if (bearerToken != null) request.header("Authorization", "Bearer " + bearerToken);
        return send(request);
    }

    /** Posts an event to a source's webhook, with the source token (none when {@code null}). */
    HttpResponse<String> postEvent(long sourceId, String sourceToken, String json) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/alarm-sources/"
                        + sourceId + "/events"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (sourceToken != null) request.header(TOKEN_HEADER, sourceToken);
        return send(request);
    }

    JsonNode source(long id) {
        HttpResponse<String> response = asSupervisor("GET", "/api/v1/alarm-sources/" + id, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.json(response);
    }

    /** The open alarm raised with this deduplication key, if there is one. */
    Optional<Map<String, Object>> openAlarm(String dedupKey) {
        return jdbc.sql("""
                        SELECT id, type, source, detail, count, camera_ids::text AS cameras, latitude, longitude,
                          first_at
                        FROM alarm WHERE dedup_key = ? AND state <> 'closed'""")
                .param(dedupKey).query().listOfRows().stream().findFirst();
    }

    long alarmsFrom(String signalSource) {
        return jdbc.sql("SELECT coalesce(sum(count), 0) FROM alarm WHERE source = ?").param(signalSource)
                .query(Long.class).single();
    }

    /** The audit entries about a source, oldest first, as "action by actor". */
    List<String> auditOf(long sourceId) {
        return jdbc.sql("SELECT action || ' by ' || actor FROM audit_entry WHERE target LIKE ? ORDER BY seq")
                .param("alarm-source:" + sourceId + " %").query(String.class).list();
    }

    static String name(String what) {
        return unique(what).toLowerCase(Locale.ROOT);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

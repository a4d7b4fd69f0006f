package org.atalaya.tracking.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.atalaya.test.TestAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Units made with plain SQL (the dispatch module owns them) and a device speaking the OsmAnd protocol. */
final class TrackingFixtures {

    private final JdbcClient jdbc;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    TrackingFixtures(JdbcClient jdbc, int port) {
        this.jdbc = jdbc;
        this.base = "http://localhost:" + port;
    }

    long unit() {
        long agency = jdbc.sql("INSERT INTO agencies (name, kind) VALUES (?, 'POLICE') RETURNING id")
                .param(TestAccounts.unique("tracking-agency")).query(Long.class).single();
        return jdbc.sql("INSERT INTO units (call_sign, agency_id, unit_type) VALUES (?, ?, 'patrol') RETURNING id")
                .param(TestAccounts.unique("T")).param(agency).query(Long.class).single();
    }

    long rowsOf(String deviceId) {
        return jdbc.sql("SELECT count(*) FROM unit_positions WHERE device_id = ?").param(deviceId)
                .query(Long.class).single();
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET());
    }

    HttpResponse<String> post(String pathAndQuery, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) request.header("Content-Type", contentType);
        return send(request);
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

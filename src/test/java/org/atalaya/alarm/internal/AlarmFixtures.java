package org.atalaya.alarm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.atalaya.alarm.AlarmSignal;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.TestAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Camera groups, cameras, users and signals for the alarm tests, each with a name no other test uses. */
class AlarmFixtures extends TestAccounts {

    static final String PASSWORD = "a-long-alarm-passphrase";

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final ApiClient admin;
    private final int port;

    AlarmFixtures(JdbcClient jdbc, UserAccounts accounts, int port) {
        super(jdbc, accounts, "alarm");
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.port = port;
        this.admin = new ApiClient(port, tokenFor("admin"));
    }

    /** A user whose own role grants each permission for the group only. */
    String user(String group, String... permissions) {
        return userWith(PASSWORD, Arrays.stream(permissions).map(p -> new Grant(p, group)).toList());
    }

    /** An API client acting as the user. */
    ApiClient client(String username) {
        return new ApiClient(port, token(username));
    }

    /** An API client of a new user holding built-in roles. */
    ApiClient clientWithRoles(String... roles) {
        return new ApiClient(port, tokenFor(roles));
    }

    /** A PUT of JSON with the token, which the shared API client does not send. */
    HttpResponse<String> put(String token, String path, String json) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).PUT(HttpRequest.BodyPublishers.ofString(json)).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String token(String username) {
        return accounts.issueToken(username, "alarm tests");
    }

    /** A camera of the group, placed in San Salvador de Jujuy; returns its id. */
    long camera(String group) {
        var created = admin.post("/api/v1/cameras", """
                {"name": "%s", "mainUrl": "rtsp://192.0.2.50/stream", "cameraGroup": "%s",
                 "latitude": -24.1858, "longitude": -65.2995}""".formatted(name("camera"), group));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.json(created).path("id").asLong();
    }

    static String name(String what) {
        return unique("alarm " + what).toLowerCase(Locale.ROOT);
    }

    /** A signal from a source no other test uses, without cameras. */
    static AlarmSignal signal(String type, String source, Instant at) {
        return new AlarmSignal(type, source, null, at, List.of(), null, null, "test " + type);
    }

    static AlarmSignal signal(String type, String source, Instant at, long... cameraIds) {
        return new AlarmSignal(type, source, null, at, Arrays.stream(cameraIds).boxed().toList(), null, null,
                "test " + type);
    }

    /** How many audit entries of the action name the alarm. */
    int auditEntries(String action, long alarmId) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND target = ?")
                .param(action).param("alarm:" + alarmId).query(Integer.class).single();
    }

    /** The actor of the newest audit entry of the action that names the alarm, or null. */
    String auditActor(String action, long alarmId) {
        return jdbc.sql("SELECT actor FROM audit_entry WHERE action = ? AND target = ? ORDER BY seq DESC LIMIT 1")
                .param(action).param("alarm:" + alarmId).query(String.class).optional().orElse(null);
    }

    List<Long> alarmsFrom(String source) {
        return jdbc.sql("SELECT id FROM alarm WHERE source = ? ORDER BY id").param(source).query(Long.class).list();
    }
}

package org.atalaya.alarm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.atalaya.alarm.AlarmSignal;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.TestAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Camera groups, cameras, users and signals for the alarm tests, each with a name no other test uses. */
class AlarmFixtures extends TestAccounts {

    private final JdbcClient jdbc;
    private final ApiClient admin;

    AlarmFixtures(JdbcClient jdbc, UserAccounts accounts, int port) {
        super(jdbc, accounts, "alarm");
        this.jdbc = jdbc;
        this.admin = new ApiClient(port, tokenFor("admin"));
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
        return new AlarmSignal(type, source, null, at, java.util.Arrays.stream(cameraIds).boxed().toList(), null, null,
                "test " + type);
    }

    /** How many audit entries of the action name the alarm. */
    int auditEntries(String action, long alarmId) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND target = ?")
                .param(action).param("alarm:" + alarmId).query(Integer.class).single();
    }

    List<Long> alarmsFrom(String source) {
        return jdbc.sql("SELECT id FROM alarm WHERE source = ? ORDER BY id").param(source).query(Long.class).list();
    }
}

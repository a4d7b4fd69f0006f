package org.atalaya.map.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.atalaya.camera.CameraStatus;
import org.atalaya.camera.CameraStatusChanged;
import org.atalaya.identity.UserAccounts;
import org.atalaya.media.StreamProblem;
import org.atalaya.test.ApiClient;
import org.atalaya.test.TestAccounts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Camera groups, placed cameras and their status reports for the map's tests, made the way the server makes them. */
class MapFixtures extends TestAccounts {

    private final ApiClient admin;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    MapFixtures(JdbcClient jdbc, UserAccounts accounts, ApplicationEventPublisher events,
                TransactionTemplate transaction, int port) {
        super(jdbc, accounts, "map");
        this.events = events;
        this.transaction = transaction;
        this.admin = new ApiClient(port, tokenFor("admin"));
    }

    /** A camera placed in San Salvador de Jujuy, looking along {@code heading}; returns its id. */
    long camera(String name, String group, double latitude, double longitude, Double heading) {
        String view = heading == null ? "" : """
                , "headingDeg": %s, "fovDeg": 70, "rangeM": 80""".formatted(heading);
        var created = admin.post("/api/v1/cameras", """
                {"name": "%s", "mainUrl": "rtsp://192.0.2.40/stream", "cameraGroup": "%s",
                 "latitude": %s, "longitude": %s%s}""".formatted(name, group, latitude, longitude, view));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.json(created).path("id").asLong();
    }

    /** A camera without a place. */
    long unplacedCamera(String name, String group) {
        var created = admin.post("/api/v1/cameras", """
                {"name": "%s", "mainUrl": "rtsp://192.0.2.41/stream", "cameraGroup": "%s"}""".formatted(name, group));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.json(created).path("id").asLong();
    }

    /** Reports the status as a camera's reader does: an event published in a transaction. */
    void report(long cameraId, CameraStatus status, Instant since) {
        boolean failing = status == CameraStatus.OFFLINE || status == CameraStatus.ERROR;
        CameraStatusChanged change = new CameraStatusChanged(cameraId, status, since,
                failing ? "unreachable (Connection refused)" : null, failing ? StreamProblem.UNREACHABLE : null);
        transaction.executeWithoutResult(ignored -> events.publishEvent(change));
    }

    static String name(String what) {
        return unique("Map " + what).toLowerCase(Locale.ROOT);
    }
}

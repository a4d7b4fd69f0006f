package org.atalaya.camera.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.atalaya.camera.CameraStatus;
import org.atalaya.camera.CameraStatusChanged;
import org.atalaya.identity.UserAccounts;
import org.atalaya.media.StreamProblem;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@AtalayaTest
class CameraStatusTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void theLatestReportedStatusIsShownAndAnOlderReportNeverReplacesIt() {
        var fixtures = new TestAccounts(jdbc, accounts, "camera");
        ApiClient admin = new ApiClient(port, fixtures.tokenFor("admin"));
        var created = admin.post("/api/v1/cameras", """
                {"name": "%s", "mainUrl": "rtsp://192.0.2.20/stream", "cameraGroup": "%s"}"""
                .formatted(TestAccounts.unique("status"), fixtures.group()));
        long id = ApiClient.json(created).path("id").asLong();
        assertThat(camera(admin, id).path("status").asString()).isEqualTo("idle");
        JsonNode neverReported = camera(admin, id).path("statusSince");
        assertThat(neverReported.isNull() || neverReported.isMissingNode()).as("%s", neverReported).isTrue();

        Instant lost = Instant.parse("2026-11-29T03:00:00Z");
        publish(new CameraStatusChanged(id, CameraStatus.ONLINE, lost.minusSeconds(60), null, null));
        publish(new CameraStatusChanged(id, CameraStatus.OFFLINE, lost, "unreachable (Connection refused)",
                StreamProblem.UNREACHABLE));
        publish(new CameraStatusChanged(id, CameraStatus.ONLINE, lost.minusSeconds(30), null, null));

        JsonNode camera = camera(admin, id);
        assertThat(camera.path("status").asString()).isEqualTo("offline");
        assertThat(camera.path("statusProblem").asString()).isEqualTo("unreachable (Connection refused)");
        assertThat(camera.path("statusProblemKind").asString()).isEqualTo("UNREACHABLE");
        assertThat(Instant.parse(camera.path("statusSince").asString())).isEqualTo(lost);
        String page = admin.get("/cameras?lang=es").body();
        assertThat(page).contains("sin conexión").contains(">inalcanzable<")
                .contains("title=\"unreachable (Connection refused)\"");
    }

    private void publish(CameraStatusChanged change) {
        transaction.executeWithoutResult(ignored -> events.publishEvent(change));
    }

    private static JsonNode camera(ApiClient admin, long id) {
        return ApiClient.json(admin.get("/api/v1/cameras/" + id));
    }
}

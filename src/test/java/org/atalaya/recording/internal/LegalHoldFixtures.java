package org.atalaya.recording.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.TestAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Camera groups, cameras, and users whose roles reach some groups only, each with a name no other test uses. */
final class LegalHoldFixtures extends TestAccounts {

    private final int port;

    LegalHoldFixtures(JdbcClient jdbc, UserAccounts accounts, int port) {
        super(jdbc, accounts, "hold");
        this.port = port;
    }

    /** A camera in the group, created through the API by an administrator; returns its id. */
    long camera(String group, String name) {
        ApiClient admin = new ApiClient(port, tokenFor("admin"));
        HttpResponse<String> response = admin.post("/api/v1/cameras", """
                {"name": "%s", "mainUrl": "rtsp://192.0.2.20:554/stream1", "cameraGroup": "%s"}"""
                .formatted(name, group));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ApiClient.json(response).path("id").asLong();
    }
}

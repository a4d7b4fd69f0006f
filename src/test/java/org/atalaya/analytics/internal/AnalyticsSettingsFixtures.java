package org.atalaya.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.TestAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Camera groups, cameras and users for analytics settings tests; every name is unique and begins with "analytics". */
final class AnalyticsSettingsFixtures extends TestAccounts {

    static final String PASSWORD = "a-long-analytics-passphrase";

    /** Calls the API with a user's token, including the PUT and binary GET that {@link ApiClient} does not send. */
    record Caller(String username, String token, int port) {

        HttpResponse<String> get(String path) {
            return new ApiClient(port, token).get(path);
        }

        HttpResponse<String> put(String path, String json) {
            return putIn("en", path, json);
        }

        /** A PUT by someone who reads the given language. */
        HttpResponse<String> putIn(String language, String path, String json) {
            return send(request(path).header("Content-Type", "application/json").header("Accept-Language", language)
                    .PUT(HttpRequest.BodyPublishers.ofString(json)), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> getBytes(String path) {
            return send(request(path).GET(), HttpResponse.BodyHandlers.ofByteArray());
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json, image/png");
        }

        private static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
            try {
                return HttpClient.newHttpClient().send(request.build(), body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private final UserAccounts accounts;
    private final ApiClient admin;
    private final int port;

    AnalyticsSettingsFixtures(JdbcClient jdbc, UserAccounts accounts, int port) {
        super(jdbc, accounts, "analytics");
        this.accounts = accounts;
        this.port = port;
        this.admin = new ApiClient(port, tokenFor("admin"));
    }

    /** A new camera in the group, registered through the API as an administrator would; returns its id. */
    long camera(String group) {
        return camera(group, false);
    }

    /**
     * A new camera whose video is analysed, so its latest frame is kept; its address refuses connections at once, so
     * only the frames a test puts in are there.
     */
    long analysedCamera(String group) {
        return camera(group, true);
    }

    private long camera(String group, boolean analysed) {
        HttpResponse<String> created = admin.post("/api/v1/cameras", """
                {"name": "%s", "mainUrl": "rtsp://127.0.0.1:9/analytics", "cameraGroup": "%s", "analytics": %s}"""
                .formatted(unique("analytics-camera"), group, analysed));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.json(created).path("id").asLong();
    }

    /** A user holding each permission for the cameras of the group only. */
    Caller scoped(String group, String... permissions) {
        return caller(userWith(PASSWORD, List.of(permissions).stream()
                .map(permission -> new Grant(permission, group)).toList()));
    }

    /** A user holding each permission for the cameras of its group only. */
    Caller withGrants(Grant... grants) {
        return caller(userWith(PASSWORD, List.of(grants)));
    }

    /** A user holding the built-in roles. */
    Caller withRoles(String... roles) {
        String username = unique("analytics-" + String.join("-", roles));
        accounts.create(username, "Test " + String.join(" ", roles), PASSWORD, Set.of(roles));
        return caller(username);
    }

    private Caller caller(String username) {
        return new Caller(username, accounts.issueToken(username, "analytics tests"), port);
    }
}

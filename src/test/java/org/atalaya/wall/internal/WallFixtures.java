package org.atalaya.wall.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.TestAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Camera groups, cameras and users for wall tests; every name is unique and begins with "wall". */
final class WallFixtures extends TestAccounts {

    static final String PASSWORD = "a-long-wall-passphrase";

    /** A user who may act on the cameras of some groups, with an API client that calls as them. */
    record Operator(String username, String token, ApiClient api, int port) {

        /** A PUT of a JSON body, which {@link ApiClient} does not send. */
        HttpResponse<String> put(String path, String json) {
            return send("PUT", path, json, "en");
        }

        /** A POST of a JSON body by someone who reads the given language. */
        HttpResponse<String> postIn(String language, String path, String json) {
            return send("POST", path, json, language);
        }

        private HttpResponse<String> send(String method, String path, String json, String language) {
            try {
                return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token).header("Accept-Language", language)
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                        HttpResponse.BodyHandlers.ofString());
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

    WallFixtures(JdbcClient jdbc, UserAccounts accounts, int port) {
        super(jdbc, accounts, "wall");
        this.accounts = accounts;
        this.port = port;
        this.admin = new ApiClient(port, tokenFor("admin"));
    }

    /** A new camera in the group, registered through the API as an administrator would; returns its id. */
    long camera(String group, String name) {
        return camera(group, name, "rtsp://192.0.2.20:554/stream1", "");
    }

    /** A new camera with these stream addresses ({@code subUrl} empty for none); returns its id. */
    long camera(String group, String name, String mainUrl, String subUrl) {
        HttpResponse<String> created = admin.post("/api/v1/cameras", """
                {"name": "%s", "mainUrl": "%s", "subUrl": "%s", "cameraGroup": "%s"}"""
                .formatted(name, mainUrl, subUrl, group));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.json(created).path("id").asLong();
    }

    /** A user who may view and watch live the cameras of each group. */
    Operator watcherOf(String... groups) {
        return operator(Arrays.stream(groups)
                .flatMap(group -> List.of(new Grant("CAMERA_VIEW", group), new Grant("LIVE_VIEW", group)).stream())
                .toList());
    }

    Operator operator(List<Grant> grants) {
        String username = userWith(PASSWORD, grants);
        String token = accounts.issueToken(username, "wall tests");
        return new Operator(username, token, new ApiClient(port, token), port);
    }
}

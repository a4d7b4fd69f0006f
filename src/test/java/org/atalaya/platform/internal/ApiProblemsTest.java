package org.atalaya.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad requests to the API get a 400 in words, never a 500 and never the names of Atalaya's insides. */
@AtalayaTest
class ApiProblemsTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    private static String adminToken;
    private static String auditorToken;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void users() {
        if (adminToken != null) return;
        accounts.create("problems-admin", "Problems Admin", "a-long-admin-passphrase", Set.of("admin"));
        accounts.create("problems-auditor", "Problems Auditor", "a-long-auditor-passphrase", Set.of("auditor"));
        adminToken = accounts.issueToken("problems-admin", "problems");
        auditorToken = accounts.issueToken("problems-auditor", "problems");
    }

    @Test
    void aMissingBodyIsNamedWithoutInternalSignatures() throws Exception {
        var response = send("POST", "/api/v1/users", adminToken, "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("the body is missing or empty").doesNotContain("org.atalaya");
    }

    @Test
    void aValueOfTheWrongTypeNamesNoInternalClass() throws Exception {
        var response = send("POST", "/api/v1/users", adminToken, "[1, 2]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("The request body is not valid JSON").doesNotContain("org.atalaya");
    }

    @Test
    void aNulCharacterInAParameterIsRefused() throws Exception {
        var response = send("GET", "/api/v1/audit/entries?actor=a%00b", auditorToken, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("NUL character");
    }

    @Test
    void aDateBeyondWhatTheDatabaseHoldsIsTheSendersMistake() throws Exception {
        var response = send("GET", "/api/v1/audit/entries?from=%2B999999999-12-31T00:00:00Z", auditorToken, null);

        assertThat(response.statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}

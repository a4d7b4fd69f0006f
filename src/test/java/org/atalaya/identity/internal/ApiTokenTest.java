package org.atalaya.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@AtalayaTest
class ApiTokenTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAdministration administration;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aTokenActsAsItsUserWithoutSessionOrCsrf() {
        String username = Fixtures.user(administration, "script", "operator");
        var api = new ApiClient(port, accounts.issueToken(username, "backup script"));

        var me = api.get("/api/v1/me");

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.headers().firstValue("Set-Cookie")).isEmpty();
        JsonNode body = json.readTree(me.body());
        assertThat(body.path("username").asString()).isEqualTo(username);
        assertThat(body.path("roles").toString()).contains("operator");
        assertThat(body.path("permissions").toString()).contains("LIVE_VIEW").doesNotContain("USER_MANAGE");
    }

    @Test
    void tokensAreCreatedListedAndRevokedOverTheApi() {
        String username = Fixtures.user(administration, "owner", "responder");
        var first = new ApiClient(port, accounts.issueToken(username, "first"));

        var created = first.post("/api/v1/me/tokens", "{\"label\":\"tablet in unit 7\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode token = json.readTree(created.body());
        String secret = token.path("token").asString();
        assertThat(secret).startsWith("atl_").hasSize(47);
        assertThat(token.path("prefix").asString()).isEqualTo(secret.substring(0, 12));
        var second = new ApiClient(port, secret);
        assertThat(second.get("/api/v1/me").statusCode()).isEqualTo(200);

        var listed = first.get("/api/v1/me/tokens");
        assertThat(listed.body()).contains("tablet in unit 7").doesNotContain(secret);
        assertThat(storedHash(token.path("id").asLong())).isEqualTo(sha256(secret));

        var revoked = first.delete("/api/v1/me/tokens/" + token.path("id").asLong());
        assertThat(revoked.statusCode()).isEqualTo(204);
        var refused = second.get("/api/v1/me");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("The API token is not valid");
        assertThat(first.get("/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(Audit.count(jdbc, "token.revoke", "SUCCESS", "token:" + token.path("id").asLong())).isEqualTo(1);
    }

    @Test
    void nobodyRevokesSomeoneElsesToken() {
        String owner = Fixtures.user(administration, "holder", "operator");
        String other = Fixtures.user(administration, "other", "operator");
        accounts.issueToken(owner, "mine");
        long id = jdbc.sql("SELECT t.id FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.username = ?")
                .param(owner).query(Long.class).single();

        var attempt = new ApiClient(port, accounts.issueToken(other, "theirs")).delete("/api/v1/me/tokens/" + id);

        assertThat(attempt.statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT revoked_at IS NULL FROM api_tokens WHERE id = ?").param(id).query(Boolean.class).single()).isTrue();
    }

    @Test
    void unknownMalformedAndDisabledUsersTokensAreRefused() {
        String username = Fixtures.user(administration, "leaver", "operator");
        var token = accounts.issueToken(username, "soon gone");
        administration.setEnabled(username, false);

        assertThat(new ApiClient(port, token).get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(new ApiClient(port, "atl_" + "x".repeat(43)).get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(new ApiClient(port, "not-a-token").get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(Audit.count(jdbc, "auth.token", "FAILURE", "token:" + token.substring(0, 12))).isEqualTo(1);
    }

    @Test
    void aTokenHasOnlyItsUsersPermissions() {
        String username = Fixtures.user(administration, "viewer", "operator");
        var api = new ApiClient(port, accounts.issueToken(username, "viewer"));

        var users = api.get("/api/v1/users");
        var metrics = api.scrape("/actuator/prometheus");

        assertThat(users.statusCode()).isEqualTo(403);
        assertThat(users.body()).contains("You do not have permission for this.");
        assertThat(metrics.statusCode()).isEqualTo(403);
    }

    @Test
    void metricsNeedSystemMonitor() {
        String username = Fixtures.user(administration, "monitor", "admin");

        var metrics = new ApiClient(port, accounts.issueToken(username, "prometheus")).scrape("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_");
        assertThat(new ApiClient(port, null).scrape("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(new ApiClient(port, null).get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(new ApiClient(port, null).get("/api/v1/openapi.json").statusCode()).isEqualTo(401);
        assertThat(new ApiClient(port, accounts.issueToken(username, "docs")).get("/api/v1/openapi.json").statusCode()).isEqualTo(200);
    }

    private byte[] storedHash(long id) {
        return jdbc.sql("SELECT token_hash FROM api_tokens WHERE id = ?").param(id).query(byte[].class).single();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

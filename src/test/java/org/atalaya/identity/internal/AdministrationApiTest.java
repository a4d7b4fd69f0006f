package org.atalaya.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

@AtalayaTest
class AdministrationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAdministration administration;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();
    private String adminName;
    private ApiClient admin;

    @BeforeEach
    void anAdministratorWithAToken() {
        adminName = Fixtures.user(administration, "boss", "admin");
        admin = new ApiClient(port, accounts.issueToken(adminName, "admin script"));
    }

    @Test
    void createsAUserWithAOneTimePasswordShownOnce() {
        String username = Fixtures.uniqueName("new");

        var created = admin.post("/api/v1/users",
                "{\"username\":\"" + username + "\",\"displayName\":\"Nueva Persona\",\"roles\":[\"operator\",\"dispatcher\"]}");

        assertThat(created.statusCode()).isEqualTo(201);
        var body = json.readTree(created.body());
        assertThat(body.path("oneTimePassword").asString()).hasSize(20);
        assertThat(body.path("user").path("mustChangePassword").asBoolean()).isTrue();
        assertThat(body.path("user").path("roles").toString()).contains("operator", "dispatcher");
        assertThat(admin.get("/api/v1/users/" + username).body()).doesNotContain("oneTimePassword").doesNotContain("passwordHash");
        assertThat(Audit.countBy(jdbc, "user.create", "SUCCESS", adminName)).isEqualTo(1);
    }

    @Test
    void explainsWhatIsWrongWithARequest() {
        var malformed = admin.post("/api/v1/users", "{\"username\": ");
        var badName = admin.post("/api/v1/users", "{\"username\":\"Not Valid!\",\"roles\":[]}");
        var unknownRole = admin.post("/api/v1/users", "{\"username\":\"" + Fixtures.uniqueName("x") + "\",\"roles\":[\"wizard\"]}");
        var weakPassword = admin.post("/api/v1/users",
                "{\"username\":\"" + Fixtures.uniqueName("y") + "\",\"roles\":[],\"password\":\"short\"}");
        var taken = admin.post("/api/v1/users", "{\"username\":\"" + adminName + "\",\"roles\":[]}");
        var missing = admin.get("/api/v1/users/nobody-at-all");

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("not valid JSON");
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(badName.body()).contains("A user name has 2 to 64 characters");
        assertThat(unknownRole.statusCode()).isEqualTo(400);
        assertThat(unknownRole.body()).contains("There is no role wizard.");
        assertThat(weakPassword.statusCode()).isEqualTo(400);
        assertThat(weakPassword.body()).contains("at least 12 characters");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void changesRolesAndDisablesAUser() {
        String username = Fixtures.user(administration, "staff", "operator");

        var changed = admin.patch("/api/v1/users/" + username, "{\"roles\":[\"supervisor\"],\"displayName\":\"Staff Member\"}");
        var disabled = admin.patch("/api/v1/users/" + username, "{\"enabled\":false}");

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(changed.body()).path("roles").toString()).isEqualTo("[\"supervisor\"]");
        assertThat(json.readTree(disabled.body()).path("enabled").asBoolean()).isFalse();
        assertThat(Audit.count(jdbc, "user.roles", "SUCCESS", "user:" + username)).isEqualTo(1);
        assertThat(Audit.count(jdbc, "user.disable", "SUCCESS", "user:" + username)).isEqualTo(1);
    }

    @Test
    void aMissingRoleNameIsExplainedNotAnError() {
        String username = Fixtures.user(administration, "listed", "operator");

        var changed = admin.patch("/api/v1/users/" + username, "{\"roles\":[null]}");
        var created = admin.post("/api/v1/users", "{\"username\":\"" + Fixtures.uniqueName("z") + "\",\"roles\":[\"operator\",null]}");

        assertThat(changed.statusCode()).isEqualTo(400);
        assertThat(changed.body()).contains("A role name is missing");
        assertThat(created.statusCode()).isEqualTo(400);
        assertThat(administration.view(username).roles()).containsExactly("operator");
    }

    @Test
    void aPasswordResetRevokesTheUsersTokens() {
        String username = Fixtures.user(administration, "compromised", "operator");
        String token = accounts.issueToken(username, "laptop script");
        var script = new ApiClient(port, token);
        assertThat(script.get("/api/v1/me").statusCode()).isEqualTo(200);

        var reset = admin.post("/api/v1/users/" + username + "/password-reset", "{}");

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(json.readTree(reset.body()).path("tokensRevoked").asInt()).isEqualTo(1);
        assertThat(script.get("/api/v1/me").statusCode()).isEqualTo(401);
        long id = jdbc.sql("SELECT t.id FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.username = ?")
                .param(username).query(Long.class).single();
        assertThat(Audit.count(jdbc, "token.revoke", "SUCCESS", "token:" + id)).isEqualTo(1);
    }

    @Test
    void administratorsCannotChangeTheirOwnRoles() {
        var attempt = admin.patch("/api/v1/users/" + adminName, "{\"roles\":[\"admin\",\"auditor\"]}");

        assertThat(attempt.statusCode()).isEqualTo(400);
        assertThat(attempt.body()).contains("You cannot change your own roles.");
        assertThat(administration.view(adminName).roles()).containsExactly("admin");
    }

    @Test
    void listsRolesWithTheirGrants() {
        var roles = admin.get("/api/v1/roles");

        assertThat(roles.statusCode()).isEqualTo(200);
        var operator = json.readTree(roles.body()).valueStream()
                .filter(role -> role.path("name").asString().equals("operator")).findFirst().orElseThrow();
        assertThat(operator.path("builtin").asBoolean()).isTrue();
        assertThat(operator.path("grants").toString()).contains("LIVE_VIEW").doesNotContain("USER_MANAGE");
    }
}

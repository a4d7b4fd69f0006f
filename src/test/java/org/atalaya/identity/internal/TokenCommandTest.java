package org.atalaya.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@AtalayaTest
class TokenCommandTest {

    @LocalServerPort
    int port;

    @Autowired
    TokenCommand command;

    @Autowired
    UserAdministration administration;

    @Autowired
    JdbcClient jdbc;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void createPrintsOnlyTheTokenOnStandardOutput() {
        String username = Fixtures.user(administration, "device", "responder");

        int exit = run("create", "--user", username, "--name", "unit 12 tablet");

        assertThat(exit).isZero();
        String token = out.toString(StandardCharsets.UTF_8);
        assertThat(token).matches("atl_[A-Za-z0-9_-]{43}\\R");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("created token").doesNotContain(token.strip());
        assertThat(new ApiClient(port, token.strip()).get("/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'token.create' AND details ->> 'via' = 'cli' "
                + "AND details ->> 'owner' = ?").param(username).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void listsAndRevokes() {
        String username = Fixtures.user(administration, "rotating", "responder");
        run("create", "--user", username);
        String token = out.toString(StandardCharsets.UTF_8).strip();
        out.reset();

        run("list", "--user", username);
        String id = out.toString(StandardCharsets.UTF_8).split("\t")[0];
        int exit = run("revoke", "--id", id);

        assertThat(exit).isZero();
        assertThat(new ApiClient(port, token).get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void badUsageAndUnknownUsersAreSaidOnStandardError() {
        assertThat(run("create")).isEqualTo(2);
        assertThat(run("create", "--user")).isEqualTo(2);
        assertThat(run("explode")).isEqualTo(2);
        assertThat(run("create", "--user", "no-such-user-anywhere")).isEqualTo(2);
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: atalaya token").contains("There is no user no-such-user-anywhere.");
    }

    private int run(String... arguments) {
        return command.run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}

package org.atalaya.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.atalaya.Atalaya;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * The command-line tools as an administrator runs them against a running server's database: the launcher starts
 * the application without web server and workers, and what the tool does is seen by the server at once.
 */
@AtalayaTest
class LauncherToolsTest {

    @TempDir
    Path folder;

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    UserAccounts accounts;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aTokenPrintedByTheToolOpensTheApiOfTheRunningServer() throws Exception {
        accounts.create("tool-user", "Tool User", "a-long-tool-user-passphrase", Set.of("auditor"));
        Path config = configurationOfTheRunningServer();

        int exit = launcher().run("token", "create", "--user", "tool-user", "--name", "scripts", "--config", config.toString());

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String token = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(token).startsWith("atl_").doesNotContain("\n");
        var me = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"tool-user\"");
    }

    @Test
    void anUnknownUserIsOneLineAndExitCodeTwo() throws Exception {
        int exit = launcher().run("token", "create", "--user", "nobody-at-all", "--config", configurationOfTheRunningServer().toString());

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(1).first().asString().contains("nobody-at-all");
    }

    private Launcher launcher() {
        return new Launcher(Atalaya.class, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** The test server's own database, named the way a production configuration file names it. */
    private Path configurationOfTheRunningServer() throws IOException {
        return Files.writeString(folder.resolve("atalaya.yml"), """
                atalaya:
                  database:
                    url: %s
                    username: %s
                    owner-username: postgres
                  audit:
                    signing-key-file: %s
                """.formatted(environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.datasource.username"),
                Path.of(environment.getRequiredProperty("atalaya.audit.signing-key-file")).toAbsolutePath()));
    }
}

package org.atalaya.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atalaya.Atalaya;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes on the command line or in the configuration file end in one line and exit code 2, before anything starts. */
class LauncherTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Launcher launcher = new Launcher(Atalaya.class,
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void helpExitsZero() {
        assertThat(launcher.run("help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("demo").contains("serve");
    }

    @Test
    void serveWithoutAConfigurationFile() {
        assertThat(launcher.run("serve")).isEqualTo(2);
        assertThat(errorLine()).isEqualTo("atalaya: serve needs --config FILE naming the database to use");
    }

    @Test
    void aConfigurationFileThatDoesNotExist() {
        assertThat(launcher.run("serve", "--config", folder.resolve("nope.yml").toString())).isEqualTo(2);
        assertThat(errorLine()).startsWith("atalaya: configuration file ").endsWith("nope.yml does not exist");
    }

    @Test
    void aConfigurationFileThatIsNotYaml() throws IOException {
        Path file = write("broken.yml", "atalaya:\n  database:\n    url: [unclosed\n");

        assertThat(launcher.run("serve", "--config", file.toString())).isEqualTo(2);
        assertThat(errorLine()).contains("broken.yml is not valid YAML:");
    }

    @Test
    void aMisspeltSettingIsNamedWithTheClosestRealOne() throws IOException {
        Path file = write("typo.yml", "atalaya:\n  database:\n    urll: jdbc:postgresql://db/atalaya\n");

        assertThat(launcher.run("serve", "--config", file.toString())).isEqualTo(2);
        assertThat(errorLine()).endsWith("unknown setting 'atalaya.database.urll' (did you mean atalaya.database.url?)");
    }

    @Test
    void serveNeedsAnExternalDatabase() throws IOException {
        Path file = write("embedded.yml", "atalaya:\n  database:\n    embedded: true\nserver:\n  port: 9000\n");

        assertThat(launcher.run("serve", "--config", file.toString())).isEqualTo(2);
        assertThat(errorLine()).contains("must name an external database in atalaya.database.url");
    }

    @Test
    void badDemoOptions() {
        assertThat(launcher.run("demo", "--port", "http")).isEqualTo(2);
        assertThat(errorLine()).isEqualTo("atalaya: --port must be a number from 1 to 65535, not 'http'");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }

    private String errorLine() {
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(1);
        return text.strip();
    }
}

package org.atalaya.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationFileTest {

    private static final KnownSettings KNOWN = KnownSettings.fromClassPath();

    @TempDir
    Path folder;

    @Test
    void readsTheDatabaseFromYamlWithRelaxedNames() throws IOException {
        Path file = Files.writeString(folder.resolve("atalaya.yml"), """
                atalaya:
                  database:
                    url: jdbc:postgresql://db.internal:5432/atalaya
                    username: atalaya_app
                    ownerUsername: atalaya_owner
                server:
                  port: 8443
                logging:
                  level:
                    org.atalaya: debug
                """);

        var database = ConfigurationFile.load(file.toString(), KNOWN).database();

        assertThat(database.url()).isEqualTo("jdbc:postgresql://db.internal:5432/atalaya");
        assertThat(database.username()).isEqualTo("atalaya_app");
        assertThat(database.migrationUsername()).isEqualTo("atalaya_owner");
        assertThat(database.embedded()).isFalse();
    }

    @Test
    void readsPropertiesFilesToo() throws IOException {
        Path file = Files.writeString(folder.resolve("atalaya.properties"),
                "atalaya.database.url=jdbc:postgresql://db/atalaya\natalaya.database.username=app\n");

        var database = ConfigurationFile.load(file.toString(), KNOWN).database();

        assertThat(database.url()).isEqualTo("jdbc:postgresql://db/atalaya");
        assertThat(database.migrationUsername()).isEqualTo("app");
    }

    @Test
    void knowsSpringBootsOwnSettingsAndMapKeys() {
        assertThat(KNOWN.isKnown("server.port")).isTrue();
        assertThat(KNOWN.isKnown("logging.level.org.atalaya")).isTrue();
        assertThat(KNOWN.isKnown("atalaya.workers.enabled")).isTrue();
        assertThat(KNOWN.isKnown("atalaya.database.data_directory")).isTrue();
        assertThat(KNOWN.isKnown("atalaya.databases.url")).isFalse();
        assertThat(KNOWN.isKnown("servr.port")).isFalse();
    }
}

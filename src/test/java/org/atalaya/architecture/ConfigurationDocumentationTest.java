package org.atalaya.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.atalaya.cli.internal.KnownSettings;
import org.junit.jupiter.api.Test;

/** docs/configuration.md names every setting of Atalaya's typed properties, so the documentation cannot drift. */
class ConfigurationDocumentationTest {

    @Test
    void everyAtalayaSettingIsDocumented() throws IOException {
        String documentation = Files.readString(Path.of("docs/configuration.md"));
        List<String> settings = atalayaSettings();

        assertThat(settings).isNotEmpty();
        assertThat(settings).allSatisfy(name -> assertThat(documentation).contains("`" + name + "`"));
    }

    private static List<String> atalayaSettings() {
        return KnownSettings.fromClassPath().names().stream().filter(name -> name.startsWith("atalaya.")).toList();
    }
}

package org.atalaya.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** docs/configuration.md names every setting of Atalaya's typed properties, so the documentation cannot drift. */
class ConfigurationDocumentationTest {

    @Test
    void everyAtalayaSettingIsDocumented() throws IOException {
        String documentation = Files.readString(Path.of("docs/configuration.md"));
        List<String> settings = atalayaSettings();

        assertThat(settings).isNotEmpty();
        assertThat(settings).allSatisfy(name -> assertThat(documentation).contains("`" + name + "`"));
    }

    private static List<String> atalayaSettings() throws IOException {
        List<String> names = new ArrayList<>();
        var mapper = JsonMapper.builder().build();
        for (String pattern : List.of("classpath*:META-INF/spring-configuration-metadata.json",
                "classpath*:META-INF/additional-spring-configuration-metadata.json")) {
            for (var resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    for (JsonNode property : mapper.readTree(in).path("properties")) {
                        String name = property.path("name").asString("");
                        if (name.startsWith("atalaya.")) names.add(name);
                    }
                }
            }
        }
        return names;
    }
}

package org.atalaya.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every setting the application understands, read from the configuration metadata that Spring Boot, its libraries
 * and our own typed properties publish on the class path. A configuration file may only use these names, so a typo
 * is reported instead of silently ignored.
 */
public final class KnownSettings {

    private final Map<String, String> namesByCanonicalForm = new HashMap<>();
    private final Set<String> mapPrefixes = new HashSet<>();

    private KnownSettings() {
    }

    public static KnownSettings fromClassPath() {
        var settings = new KnownSettings();
        var mapper = JsonMapper.builder().build();
        try {
            for (String pattern : new String[] {
                    "classpath*:META-INF/spring-configuration-metadata.json",
                    "classpath*:META-INF/additional-spring-configuration-metadata.json"}) {
                for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                    try (InputStream in = resource.getInputStream()) {
                        settings.add(mapper.readTree(in));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the configuration metadata", e);
        }
        return settings;
    }

    private void add(JsonNode metadata) {
        for (JsonNode property : metadata.path("properties")) {
            String name = property.path("name").asString("");
            if (name.isEmpty()) continue;
            namesByCanonicalForm.putIfAbsent(canonical(name), name);
            String type = property.path("type").asString("");
            if (type.startsWith("java.util.Map")) {
                mapPrefixes.add(canonical(name));
            }
        }
    }

    /** The name of every known setting, as its metadata spells it. */
    public Set<String> names() {
        return Set.copyOf(namesByCanonicalForm.values());
    }

    public boolean isKnown(String name) {
        String canonical = canonical(name);
        if (namesByCanonicalForm.containsKey(canonical)) return true;
        for (String prefix : mapPrefixes) {
            if (canonical.startsWith(prefix + ".")) return true;
        }
        return false;
    }

    /** The known name closest to a misspelt one, if one is close enough to be worth suggesting. */
    public Optional<String> closestTo(String name) {
        String canonical = canonical(name);
        return namesByCanonicalForm.entrySet().stream()
                .map(entry -> Map.entry(entry.getValue(), distance(canonical, entry.getKey())))
                .filter(entry -> entry.getValue() <= Math.max(2, canonical.length() / 8))
                .min(Comparator.comparingInt(Map.Entry::getValue))
                .map(Map.Entry::getKey);
    }

    /** Relaxed binding: case, dashes, underscores and list indexes do not change which setting a name means. */
    static String canonical(String name) {
        return name.replaceAll("\\[\\d+]", "").replace("-", "").replace("_", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

package org.atalaya.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.platform.DatabaseProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * The configuration file of a production installation ({@code atalaya serve --config FILE}): YAML or a
 * {@code .properties} file, checked before anything starts so that a typo or a broken file is one clear line.
 */
public final class ConfigurationFile {

    private final Path path;
    private final List<PropertySource<?>> sources;

    private ConfigurationFile(Path path, List<PropertySource<?>> sources) {
        this.path = path;
        this.sources = sources;
    }

    public static ConfigurationFile load(String name, KnownSettings known) {
        Path path = Path.of(name).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new UsageException("configuration file " + name + " does not exist");
        }
        if (!Files.isReadable(path)) {
            throw new UsageException("configuration file " + name + " cannot be read (check its permissions)");
        }
        PropertySourceLoader loader = name.endsWith(".properties")
                ? new PropertiesPropertySourceLoader() : new YamlPropertySourceLoader();
        List<PropertySource<?>> sources;
        try {
            sources = loader.load("config file " + name, new FileSystemResource(path));
        } catch (IOException | RuntimeException e) {
            throw new UsageException("configuration file " + name + " is not valid "
                    + (loader instanceof YamlPropertySourceLoader ? "YAML" : "properties") + ": " + oneLine(e));
        }
        for (PropertySource<?> source : sources) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String key : enumerable.getPropertyNames()) {
                    if (!known.isKnown(key)) {
                        throw new UsageException("configuration file " + name + ": unknown setting '" + key + "'"
                                + known.closestTo(key).map(close -> " (did you mean " + close + "?)").orElse(""));
                    }
                }
            }
        }
        return new ConfigurationFile(path, sources);
    }

    /** Where Spring should read the file from, as {@code spring.config.additional-location}. */
    public String springLocation() {
        return "file:" + path;
    }

    /** The database settings the file gives, with environment variables applied as the application will. */
    public DatabaseProperties database() {
        return Binder.get(environment()).bind("atalaya.database", DatabaseProperties.class)
                .orElseGet(() -> new DatabaseProperties(false, false, null, null, null, null, null, null));
    }

    /** One setting as the application will see it, if the file or the environment gives it. */
    public java.util.Optional<String> setting(String name) {
        return java.util.Optional.ofNullable(environment().getProperty(name));
    }

    private StandardEnvironment environment() {
        var environment = new StandardEnvironment();
        new ArrayList<>(sources).reversed().forEach(environment.getPropertySources()::addLast);
        return environment;
    }

    private static String oneLine(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}

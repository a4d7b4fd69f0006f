package org.atalaya.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atalaya.platform.DatabaseProperties;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code atalaya.database.*} into Spring's data source and Flyway settings, starting the embedded PostgreSQL
 * first when asked to. An embedded server that is already running on the same data folder (the demo, while a
 * command-line tool runs beside it) is joined instead of started twice.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    private static final String SUPERUSER = "postgres";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var database = Binder.get(environment).bind("atalaya.database", DatabaseProperties.class)
                .orElse(new DatabaseProperties(false, false, null, null, null, null, null, null));
        Map<String, Object> settings = database.embedded() ? embedded(database, application) : external(database);
        settings.put("spring.flyway.placeholders.app_role", settings.get("spring.datasource.username"));
        environment.getPropertySources().addFirst(new MapPropertySource("atalayaDatabase", settings));
    }

    private static Map<String, Object> embedded(DatabaseProperties database, SpringApplication application) {
        Path dataDirectory = Path.of(database.dataDirectory()).toAbsolutePath();
        Optional<Integer> running = database.ephemeral() ? Optional.empty() : joinableServerPort(dataDirectory);
        int port = running.orElseGet(() -> {
            EmbeddedServer server = database.ephemeral() ? startEphemeral() : start(dataDirectory);
            application.addInitializers(context -> {
                if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
                    registry.registerDisposableBean("embeddedPostgres", server);
                    server.handOverToContext();
                }
            });
            return server.port();
        });
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        createApplicationRole(url);
        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.datasource.url", url);
        settings.put("spring.datasource.username", DatabaseProperties.EMBEDDED_APP_ROLE);
        settings.put("spring.datasource.password", "");
        settings.put("spring.flyway.url", url);
        settings.put("spring.flyway.user", SUPERUSER);
        settings.put("spring.flyway.password", "");
        return settings;
    }

    private static Map<String, Object> external(DatabaseProperties database) {
        Map<String, Object> settings = new HashMap<>();
        if (database.url() == null || database.url().isBlank()) {
            return settings;
        }
        settings.put("spring.datasource.url", database.url());
        settings.put("spring.datasource.username", database.username());
        settings.put("spring.datasource.password", nullToEmpty(database.password()));
        settings.put("spring.flyway.url", database.url());
        settings.put("spring.flyway.user", database.migrationUsername());
        settings.put("spring.flyway.password", nullToEmpty(database.migrationPassword()));
        return settings;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static EmbeddedServer start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + dataDirectory.getParent(), e);
        }
        // Data kept between runs is written safely; the test servers keep the embedded defaults (no fsync).
        EmbeddedServer server = start(EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on"));
        try {
            Files.writeString(ownerFile(dataDirectory), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + ownerFile(dataDirectory), e);
        }
        return server;
    }

    private static EmbeddedServer startEphemeral() {
        return start(EmbeddedPostgres.builder());
    }

    private static EmbeddedServer start(EmbeddedPostgres.Builder builder) {
        try {
            EmbeddedPostgres server = builder
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100")
                    .start();
            return new EmbeddedServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /**
     * The port of a server another Atalaya process started on this data folder and still runs. A server whose
     * starter has died is an orphan that nobody would stop: it is shut down, and started again by this process,
     * which then owns it. (The postmaster itself is always a child of init, so its owner is kept in a file.)
     */
    private static Optional<Integer> joinableServerPort(Path dataDirectory) {
        Optional<Integer> port = runningServerPort(dataDirectory);
        if (port.isPresent() && !ownerAlive(dataDirectory)) {
            postmaster(dataDirectory).ifPresent(orphan -> {
                orphan.destroy();
                orphan.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
            });
            return Optional.empty();
        }
        return port;
    }

    private static Path ownerFile(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".owner");
    }

    private static boolean ownerAlive(Path dataDirectory) {
        try {
            long owner = Long.parseLong(Files.readString(ownerFile(dataDirectory)).trim());
            return ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static Optional<ProcessHandle> postmaster(Path dataDirectory) {
        return postmaster(postmasterPidLines(dataDirectory));
    }

    /** PostgreSQL writes its process id and port into postmaster.pid; a live process there means a running server. */
    static Optional<Integer> runningServerPort(Path dataDirectory) {
        List<String> lines = postmasterPidLines(dataDirectory);
        if (lines.size() < 4 || postmaster(lines).filter(ProcessHandle::isAlive).isEmpty()) return Optional.empty();
        try {
            return Optional.of(Integer.parseInt(lines.get(3).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<ProcessHandle> postmaster(List<String> postmasterPidLines) {
        try {
            return postmasterPidLines.isEmpty()
                    ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(postmasterPidLines.getFirst().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<String> postmasterPidLines(Path dataDirectory) {
        try {
            return Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void createApplicationRole(String url) {
        try (var connection = DriverManager.getConnection(url, SUPERUSER, "");
             var statement = connection.createStatement()) {
            statement.execute("""
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN
                        CREATE ROLE %s LOGIN;
                      END IF;
                    END $$""".formatted(DatabaseProperties.EMBEDDED_APP_ROLE, DatabaseProperties.EMBEDDED_APP_ROLE));
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

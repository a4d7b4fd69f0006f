package org.atalaya.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atalaya.audit.AuditProofs;
import org.atalaya.audit.AuditProperties;
import org.atalaya.cli.internal.ConfigurationFile;
import org.atalaya.cli.internal.DatabaseWait;
import org.atalaya.cli.internal.KnownSettings;
import org.atalaya.cli.internal.Options;
import org.atalaya.cli.internal.UsageException;
import org.atalaya.platform.CliCommand;
import org.atalaya.platform.DatabaseProperties;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/**
 * What {@code atalaya COMMAND ...} does once the shell launcher has found a JDK and built the application:
 * start the demo or the server, or run one of the modules' command-line tools against the same database.
 */
public final class Launcher {

    /** Returned when a server was started: the process keeps running until it is stopped. */
    public static final int KEEP_RUNNING = -1;

    static final String DEMO_DATABASE = "data/postgres";

    private final Class<?> application;
    private final PrintStream out;
    private final PrintStream err;

    public Launcher(Class<?> application, PrintStream out, PrintStream err) {
        this.application = application;
        this.out = out;
        this.err = err;
    }

    public int run(String... arguments) {
        List<String> words = Arrays.asList(arguments);
        String command = words.isEmpty() ? "help" : words.getFirst();
        Options options = new Options(words.isEmpty() ? List.of() : words.subList(1, words.size()));
        try {
            return switch (command) {
                case "demo" -> demo(options);
                case "serve" -> serve(options);
                case "help", "--help", "-h" -> {
                    out.println("Usage: ./atalaya demo|serve|token|audit|test|help  (./atalaya help explains each)");
                    yield 0;
                }
                default -> tool(command, options);
            };
        } catch (UsageException e) {
            err.println("atalaya: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private int demo(Options options) {
        List<String> springArguments = new ArrayList<>();
        options.take("--port").map(Options::port).ifPresent(port -> springArguments.add("--server.port=" + port));
        options.requireNoneLeft("demo");
        out.println("Starting the Atalaya demo (database under ./" + DEMO_DATABASE + ")...");
        Map<String, Object> settings = embeddedDemoDatabase();
        settings.put("atalaya.demo.enabled", "true");
        return start("demo", settings, springArguments);
    }

    private int serve(Options options) throws InterruptedException {
        String file = options.take("--config")
                .orElseThrow(() -> new UsageException("serve needs --config FILE naming the database to use"));
        options.requireNoneLeft("serve");
        ConfigurationFile configuration = ConfigurationFile.load(file, KnownSettings.fromClassPath());
        DatabaseProperties database = configuration.database();
        if (database.embedded() || database.url() == null || database.url().isBlank()) {
            throw new UsageException("configuration file " + file
                    + " must name an external database in atalaya.database.url (the embedded one is for ./atalaya demo)");
        }
        DatabaseWait.forUrl(database.url(), database.username(), database.password(), err)
                .untilReachable(withoutParameters(database.url()));
        return start("server", Map.of(), List.of("--spring.config.additional-location=" + configuration.springLocation()));
    }

    private int tool(String name, Options options) {
        Map<String, Object> defaults;
        List<String> springArguments = new ArrayList<>(List.of(
                "--atalaya.workers.enabled=false",
                "--spring.main.lazy-initialization=true",
                "--logging.level.root=OFF",
                "--logging.level.org.atalaya=OFF",
                "--spring.main.log-startup-info=false"));
        var config = options.take("--config").map(file -> ConfigurationFile.load(file, KnownSettings.fromClassPath()));
        if (name.equals("audit")) {
            // An auditor checks an exported proof with the public key alone: no database, no application.
            Path publicKey = Path.of(config.flatMap(file -> file.setting("atalaya.audit.signing-key-file"))
                    .orElse(AuditProperties.DEFAULT_SIGNING_KEY_FILE) + ".pub");
            var offline = AuditProofs.runWithoutApplication(options.remaining(), publicKey, out, err);
            if (offline.isPresent()) return offline.getAsInt();
        }
        if (config.isPresent()) {
            springArguments.add("--spring.config.additional-location=" + config.get().springLocation());
            defaults = Map.of();
        } else {
            if (!Files.isDirectory(Path.of(DEMO_DATABASE))) {
                throw new UsageException("no database under ./" + DEMO_DATABASE
                        + " yet: start ./atalaya demo once, or pass --config FILE");
            }
            defaults = embeddedDemoDatabase();
        }
        var spring = new SpringApplication(application);
        spring.setWebApplicationType(WebApplicationType.NONE);
        spring.setBannerMode(Banner.Mode.OFF);
        spring.setDefaultProperties(defaults);
        try (var context = spring.run(springArguments.toArray(String[]::new))) {
            CliCommand command = context.getBeansOfType(CliCommand.class).values().stream()
                    .filter(candidate -> candidate.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new UsageException("unknown command '" + name + "' (try ./atalaya help)"));
            return command.run(options.remaining(), out, err);
        } catch (UsageException e) {
            throw e;
        } catch (RuntimeException e) {
            err.println("atalaya: " + name + " failed: " + rootMessage(e));
            return 2;
        }
    }

    /** Starts the server; when it cannot start, the last line says why in words, after Spring's own report. */
    private int start(String what, Map<String, Object> defaults, List<String> springArguments) {
        var spring = new SpringApplication(application);
        spring.setDefaultProperties(defaults);
        try {
            spring.run(springArguments.toArray(String[]::new));
            return KEEP_RUNNING;
        } catch (RuntimeException e) {
            err.println("atalaya: the " + what + " could not start: " + rootMessage(e));
            return 1;
        }
    }

    private static Map<String, Object> embeddedDemoDatabase() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("atalaya.database.embedded", "true");
        settings.put("atalaya.database.data-directory", DEMO_DATABASE);
        return settings;
    }

    private static String withoutParameters(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().lines().findFirst().orElse("");
    }
}

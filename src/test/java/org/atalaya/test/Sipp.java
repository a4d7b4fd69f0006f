package org.atalaya.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs SIPp (Debian's {@code sipp}) as a SIP caller against our user agent, with a scenario from
 * {@code src/test/resources/sipp/} or any scenario file (the demo's). SIPp's exit code says whether every call went as the scenario expects: 0 when all
 * succeeded. Its error and message traces are read from a temporary folder (removed afterwards) into the
 * {@link Result}, for a failure's details. SIPp gets a free local port of its own (its default would be 5060).
 */
public final class Sipp {

    private static final String EXECUTABLE = "/usr/bin/sipp";

    private final String scenario;
    private final Path scenarioFile;
    private String transport = "u1";
    private int calls = 1;
    private Integer rate;
    private Duration timeout = Duration.ofSeconds(30);
    private String callIdPrefix = "sipp";
    private final Map<String, String> keys = new LinkedHashMap<>();

    private Sipp(String scenario, Path scenarioFile) {
        this.scenario = scenario;
        this.scenarioFile = scenarioFile;
    }

    /** A SIPp run of {@code src/test/resources/sipp/<name>.xml}. */
    public static Sipp scenario(String name) {
        return new Sipp(name, null);
    }

    /** A SIPp run of a scenario file, e.g. {@code demo/emergency-call.xml}. */
    public static Sipp file(Path scenarioFile) {
        if (!Files.isRegularFile(scenarioFile)) throw new IllegalArgumentException("No scenario " + scenarioFile);
        return new Sipp(scenarioFile.toString(), scenarioFile.toAbsolutePath());
    }

    /** Over TCP, one connection ({@code -t t1}); the default is UDP ({@code -t u1}). */
    public Sipp overTcp() {
        transport = "t1";
        return this;
    }

    /** How many calls to place ({@code -m}); 1 by default. */
    public Sipp calls(int count) {
        calls = count;
        return this;
    }

    /** New calls per second ({@code -r}); SIPp's default of 10 when not set. */
    public Sipp rate(int callsPerSecond) {
        rate = callsPerSecond;
        return this;
    }

    /** SIPp gives up, and fails, after this long; 30 s by default. */
    public Sipp timeout(Duration limit) {
        timeout = limit;
        return this;
    }

    /** Call-IDs become {@code <prefix>-<call number>}, so a test recognises its own calls. */
    public Sipp callIds(String prefix) {
        callIdPrefix = prefix;
        return this;
    }

    /** A value for the scenario's {@code [name]} keyword ({@code -key}). */
    public Sipp key(String name, String value) {
        keys.put(name, value);
        return this;
    }

    /** Starts SIPp against {@code 127.0.0.1:<port>}; the caller waits for it with {@link Run#await()}. */
    public Run start(int port) {
        try {
            Path folder = Files.createTempDirectory("sipp-");
            List<String> command = new ArrayList<>(List.of(EXECUTABLE, "127.0.0.1:" + port,
                    "-sf", scenarioPath().toString(), "-t", transport, "-i", "127.0.0.1", "-p", String.valueOf(freePort()),
                    "-m", String.valueOf(calls), "-timeout", timeout.toSeconds() + "s", "-timeout_error",
                    "-recv_timeout", "30000", "-nostdin", "-cid_str", callIdPrefix + "-%u",
                    "-trace_err", "-error_file", folder.resolve("errors.log").toString(),
                    "-trace_msg", "-message_file", folder.resolve("messages.log").toString()));
            if (rate != null) command.addAll(List.of("-r", String.valueOf(rate)));
            keys.forEach((name, value) -> command.addAll(List.of("-key", name, value)));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve("output.log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            return new Run(process, folder, timeout.plusSeconds(10));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("No scenario " + scenario, e);
        }
    }

    private Path scenarioPath() throws URISyntaxException {
        if (scenarioFile != null) return scenarioFile;
        return Path.of(Sipp.class.getResource("/sipp/" + scenario + ".xml").toURI());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Runs SIPp to its end. */
    public Result run(int port) {
        return start(port).await();
    }

    /** A SIPp process under way. */
    public static final class Run {
        private final Process process;
        private final Path folder;
        private final Duration limit;

        private Run(Process process, Path folder, Duration limit) {
            this.process = process;
            this.folder = folder;
            this.limit = limit;
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** The SIP messages SIPp has sent and received so far, as it traces them while it runs. */
        public String messagesSoFar() {
            return read("messages.log");
        }

        /** Waits for SIPp to end (killing it past its own timeout) and gives its exit code and traces. */
        public Result await() {
            try {
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            Result result = new Result(process.isAlive() ? -1 : process.exitValue(), read("errors.log"),
                    read("messages.log"), read("output.log"));
            deleteFolder();
            return result;
        }

        private void deleteFolder() {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) Files.deleteIfExists(file);
                Files.deleteIfExists(folder);
            } catch (IOException e) {
                // a leftover temporary folder does no harm
            }
        }

        private String read(String name) {
            try {
                Path file = folder.resolve(name);
                return Files.exists(file) ? Files.readString(file) : "";
            } catch (IOException e) {
                return "(unreadable: " + e.getMessage() + ")";
            }
        }
    }

    /**
     * @param exitCode SIPp's: 0 all calls succeeded, 1 some failed, 97/99 ended otherwise, -1 killed
     */
    public record Result(int exitCode, String errors, String messages, String output) {

        public boolean succeeded() {
            return exitCode == 0;
        }

        /** Everything that helps to see why a run failed, for an assertion's description. */
        public String details() {
            String tail = output.length() > 4000 ? output.substring(output.length() - 4000) : output;
            return "SIPp exit code " + exitCode + "\n--- errors ---\n" + errors + "\n--- messages ---\n"
                    + (messages.length() > 20000 ? messages.substring(0, 20000) : messages)
                    + "\n--- output ---\n" + tail;
        }
    }
}

package org.atalaya.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's mosquitto MQTT broker on a free loopback port, for tests: anonymous, or with one user and password.
 * {@link #stop()} and {@link #start()} restart it on the same port; {@link #publish} sends with {@code mosquitto_pub}.
 */
public final class Mosquitto implements AutoCloseable {

    private static final Path BROKER = Path.of("/usr/sbin/mosquitto");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Path directory;
    private final int port;
    private final String username;
    private final String password;
    private Process process;

    private Mosquitto(String username, String password) throws IOException {
        this.directory = Files.createTempDirectory("atalaya-mosquitto");
        this.port = freePort();
        this.username = username;
        this.password = password;
        List<String> config = new ArrayList<>(List.of("listener " + port + " 127.0.0.1", "persistence false",
                "log_dest file " + directory.resolve("mosquitto.log"), "user root"));
        if (username == null) {
            config.add("allow_anonymous true");
        } else {
            Path passwords = directory.resolve("passwords");
            run("/usr/bin/mosquitto_passwd", "-b", "-c", passwords.toString(), username, password);
            config.add("allow_anonymous false");
            config.add("password_file " + passwords);
        }
        Files.write(directory.resolve("mosquitto.conf"), config, StandardCharsets.UTF_8);
    }

    /** An anonymous broker, started. */
    public static Mosquitto anonymous() {
        return started(null, null);
    }

    /** A broker that lets in only this user with this password, started. */
    public static Mosquitto withPassword(String username, String password) {
        return started(username, password);
    }

    private static Mosquitto started(String username, String password) {
        try {
            Mosquitto broker = new Mosquitto(username, password);
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Starts the broker (again) on its port and waits until it accepts connections. */
    public synchronized void start() {
        if (process != null && process.isAlive()) return;
        try {
            process = new ProcessBuilder(BROKER.toString(), "-c", directory.resolve("mosquitto.conf").toString())
                    .redirectErrorStream(true).redirectOutput(directory.resolve("stdout.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Await.until(START_TIMEOUT, this::accepts, "mosquitto is running", process::isAlive, this::log);
    }

    /** Stops the broker; clients see their connection lost. */
    public synchronized void stop() {
        if (process == null) return;
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Publishes one message with QoS 1, as a sensor would; fails the test if the broker refuses it. */
    public void publish(String topic, String payload) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/mosquitto_pub", "-h", "127.0.0.1", "-p",
                String.valueOf(port), "-q", "1", "-t", topic, "-m", payload));
        if (username != null) command.addAll(List.of("-u", username, "-P", password));
        run(command.toArray(String[]::new));
    }

    /** What the broker logged, for failure messages. */
    public String log() {
        try {
            Path file = directory.resolve("mosquitto.log");
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder harms nobody
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(String... command) {
        try {
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!child.waitFor(10, TimeUnit.SECONDS) || child.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command.length > 0 ? command[0] : "")
                        + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

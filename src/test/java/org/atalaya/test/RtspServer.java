package org.atalaya.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real RTSP server for tests: GStreamer's gst-rtsp-server driven by {@code rtsp/rtsp_server.py}, serving H.264
 * streams at {@code rtsp://127.0.0.1:PORT/cam1} .. {@code camN} over TCP and UDP, each stream shared by all its
 * clients as a camera's is. The picture is a moving test pattern encoded live (a keyframe when a client starts
 * playing, then one a second), or a clip played in a loop without re-encoding ({@link Builder#source(Path)}, see
 * {@link Ffmpeg#createClip(Path, int)}).
 *
 * <pre>{@code
 * try (RtspServer cameras = RtspServer.withStreams(2).credentials("viewer", "secret").start()) {
 *     String first = cameras.url(1, "viewer", "secret");
 *     cameras.stop();     // the cameras go away...
 *     cameras.restart();  // ...and come back on the same port
 * }
 * }</pre>
 *
 * The server process ends when this is closed, and by itself when the JVM that started it ends (its stdin closes).
 * It needs Debian's python3-gi, gir1.2-gst-rtsp-server-1.0 and gstreamer1.0-plugins-base, -good and -bad.
 */
public final class RtspServer implements AutoCloseable {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String SCRIPT = "/rtsp/rtsp_server.py";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern READY = Pattern.compile("READY rtsp://127\\.0\\.0\\.1:(\\d+)/");
    private static final int ERROR_LINES_KEPT = 40;

    private final int streams;
    private final List<String> options;
    private int port;
    private Process process;

    private RtspServer(int streams, int port, List<String> options) {
        this.streams = streams;
        this.port = port;
        this.options = List.copyOf(options);
    }

    /** A server with this many streams, {@code /cam1} to {@code /camN}; configure it, then {@link Builder#start()}. */
    public static Builder withStreams(int streams) {
        return new Builder(streams);
    }

    /** The port the server listens on (it keeps it across {@link #restart()}). */
    public synchronized int port() {
        return port;
    }

    /** {@code rtsp://127.0.0.1:PORT/camN}, stream numbers counting from 1. */
    public synchronized String url(int stream) {
        if (stream < 1 || stream > streams) {
            throw new IllegalArgumentException("stream " + stream + " does not exist: this server has streams 1 to "
                    + streams);
        }
        return "rtsp://127.0.0.1:" + port + "/cam" + stream;
    }

    /** The stream's URL with credentials in it, percent-encoded, as ffmpeg takes them. */
    public String url(int stream, String user, String password) {
        return url(stream).replace("rtsp://", "rtsp://" + encode(user) + ":" + encode(password) + "@");
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Stops the server as a camera that goes away: every connection closes, the port is free again.
     *
     * @throws IllegalStateException if the server had to be killed because it did not end on SIGTERM
     */
    public synchronized void stop() {
        if (process == null) return;
        Process stopping = process;
        process = null;
        stopping.destroy();
        try {
            if (stopping.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) return;
            stopping.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            stopping.destroyForcibly();
            Thread.currentThread().interrupt();
            return;
        }
        throw new IllegalStateException("the RTSP server for tests did not end within " + STOP_TIMEOUT.toSeconds()
                + " s of SIGTERM and was killed");
    }

    /** Stops the server if it runs and starts it again on the same port, as a camera coming back. */
    public synchronized void restart() {
        stop();
        launch();
    }

    @Override
    public void close() {
        stop();
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script().toString(),
                "--port", Integer.toString(port), "--streams", Integer.toString(streams)));
        command.addAll(options);
        Process started;
        try {
            // stdin stays an open pipe: the server stops when it closes, so it never outlives this JVM
            started = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + PYTHON + " (the RTSP server for tests)", e);
        }
        Deque<String> errors = new ArrayDeque<>();
        Thread errorReader = Thread.ofPlatform().daemon().start(() -> keepLastLines(started.getErrorStream(), errors));
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> awaitReadyLine(started.getInputStream(), ready));
        try {
            Integer listening = ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (listening == null) {
                started.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                errorReader.join(STOP_TIMEOUT);
                throw new IllegalStateException("the RTSP server for tests did not start" + exitCode(started) + ": "
                        + describe(errors));
            }
            port = listening;
            process = started;
        } catch (TimeoutException e) {
            started.destroyForcibly();
            throw new IllegalStateException("the RTSP server for tests was not ready within "
                    + START_TIMEOUT.toSeconds() + " s: " + describe(errors));
        } catch (InterruptedException e) {
            started.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the RTSP server for tests", e);
        } catch (ExecutionException e) {
            started.destroyForcibly();
            throw new IllegalStateException("could not read the RTSP server's output", e.getCause());
        }
    }

    static Path script() {
        URL resource = RtspServer.class.getResource(SCRIPT);
        if (resource == null) throw new IllegalStateException(SCRIPT + " is not on the test class path");
        try {
            return Path.of(resource.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unexpected location of " + SCRIPT + ": " + resource, e);
        }
    }

    /** Completes with the port of the READY line, or with null when the server ends without printing one. */
    private static void awaitReadyLine(InputStream output, CompletableFuture<Integer> ready) {
        try (var lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Matcher matcher = READY.matcher(line);
                if (matcher.matches()) ready.complete(Integer.valueOf(matcher.group(1)));
            }
            ready.complete(null);
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }

    private static void keepLastLines(InputStream stream, Deque<String> kept) {
        try (var lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (kept) {
                    if (kept.size() == ERROR_LINES_KEPT) kept.removeFirst();
                    kept.addLast(line);
                }
            }
        } catch (IOException e) {
            // the process ended while its error stream was being read: what was read is kept
        }
    }

    private static String describe(Deque<String> errors) {
        synchronized (errors) {
            return errors.isEmpty() ? "it printed nothing on stderr" : String.join("\n", errors);
        }
    }

    private static String exitCode(Process process) {
        return process.isAlive() ? "" : " (exit code " + process.exitValue() + ")";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** What the server serves; every option has the script's default when not set. */
    public static final class Builder {

        private final int streams;
        private final List<String> options = new ArrayList<>();
        private int port;

        private Builder(int streams) {
            this.streams = streams;
        }

        /** Listens on this port instead of a free one the server picks. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Loops this H.264 clip (MP4, or Annex B {@code .h264}) instead of encoding a test pattern. */
        public Builder source(Path clip) {
            return option("--source", clip.toAbsolutePath().toString());
        }

        /** Test pattern picture size (default 640x360). */
        public Builder size(int width, int height) {
            return option("--size", width + "x" + height);
        }

        /** Test pattern frames per second (default 15); for a raw {@code .h264} source, its frame rate. */
        public Builder fps(int fps) {
            return option("--fps", Integer.toString(fps));
        }

        /** Test pattern bit rate (default 500 kbit/s). */
        public Builder bitrateKbps(int kilobitsPerSecond) {
            return option("--bitrate", Integer.toString(kilobitsPerSecond));
        }

        /** Test pattern time between scheduled keyframes (default 1 s). */
        public Builder keyframeInterval(Duration interval) {
            return option("--keyframe-interval", Double.toString(interval.toMillis() / 1000.0));
        }

        /** Requires RTSP digest authentication with these credentials (as most cameras do). */
        public Builder credentials(String user, String password) {
            return option("--user", user).option("--password", password);
        }

        /** With {@link #credentials}, requires basic authentication instead of digest. */
        public Builder basicAuthentication() {
            return option("--auth", "basic");
        }

        /** Starts the server and waits until it listens; fails with the server's own words if it cannot. */
        public RtspServer start() {
            RtspServer server = new RtspServer(streams, port, options);
            server.launch();
            return server;
        }

        private Builder option(String name, String value) {
            options.add(name);
            options.add(value);
            return this;
        }
    }
}

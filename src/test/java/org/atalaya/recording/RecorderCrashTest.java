package org.atalaya.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.atalaya.test.Await;
import org.atalaya.test.Ffmpeg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the server while it records: the demo runs in a JVM of its own (its synthetic cameras record through
 * the real pipeline), is killed without warning, and started again on the same data. The segment that was being
 * written must come back readable, cut at its last whole fragment, losing at most about two seconds.
 */
class RecorderCrashTest {

    private static final Duration GENEROUS = Duration.ofSeconds(120);
    private static final Duration MOST_LOST = Duration.ofMillis(2500);
    /** The synthetic camera of this id records in both runs. */
    private static final String CAMERA = "1";

    @TempDir
    Path workingFolder;

    @Test
    void aKilledServerLosesAtMostTheLastSecondsAndNoFileIsUnreadable() throws Exception {
        int port = freePort();
        Path recordings = workingFolder.resolve("data/recordings").resolve(CAMERA);

        Process first = startDemo(port, "first");
        Instant killedAt;
        try {
            waitUntil(first, () -> segments(recordings).size() >= 2 && !partFiles(recordings).isEmpty());
            TimeUnit.SECONDS.sleep(3); // into the segment being written
            killedAt = Instant.now();
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no closing of the open segment
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            first.destroyForcibly();
        }
        List<Path> before = segments(recordings);
        Path interrupted = partFiles(recordings).getFirst();

        Path recovered = SegmentFiles.finishedName(interrupted);
        Process second = startDemo(port, "second");
        try {
            waitUntil(second, () -> Files.exists(recovered) && segments(recordings).size() > before.size() + 1);
        } finally {
            stop(second);
        }

        List<Path> after = segments(recordings);
        assertThat(after).contains(recovered);
        for (Path segment : after) {
            assertThat(Ffmpeg.probe(Duration.ofSeconds(30), List.of("-v", "error", "-show_entries",
                    "format=duration", "-of", "csv=p=0", segment.toString())).succeeded())
                    .as("%s is readable", segment).isTrue();
        }
        Instant recoveredEnd = startOf(recovered).plus(duration(recovered));
        assertThat(Duration.between(recoveredEnd, killedAt))
                .as("video lost between the end of the recovered segment and the kill")
                .isLessThan(MOST_LOST);
    }

    private Process startDemo(int port, String run) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        var builder = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-Xshare:off",
                "-cp", System.getProperty("java.class.path"),
                "-Datalaya.recording.segment-seconds=4", "-Dlogging.level.org.atalaya=warn",
                "org.atalaya.Atalaya", "demo", "--port", String.valueOf(port))
                .directory(workingFolder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(workingFolder.resolve(run + ".log").toFile()));
        builder.environment().put("ATALAYA_ADMIN_PASSWORD", "crash-test-admin-passphrase");
        return builder.start();
    }

    private static void stop(Process server) throws InterruptedException {
        server.destroy();
        if (!server.waitFor(60, TimeUnit.SECONDS)) server.destroyForcibly().waitFor();
    }

    private static List<Path> segments(Path folder) {
        return files(folder, ".mp4");
    }

    private static List<Path> partFiles(Path folder) {
        return files(folder, SegmentFiles.PART);
    }

    private static List<Path> files(Path folder, String ending) {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(ending))
                    .sorted(Comparator.comparing(RecorderCrashTest::startOf)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Segment files are named after the epoch millisecond their video starts at. */
    private static Instant startOf(Path segment) {
        String name = segment.getFileName().toString();
        return Instant.ofEpochMilli(Long.parseLong(name.substring(0, name.indexOf('.'))));
    }

    private static Duration duration(Path segment) {
        var result = Ffmpeg.probe(Duration.ofSeconds(30), List.of("-v", "error", "-show_entries", "format=duration",
                "-of", "csv=p=0", segment.toString()));
        assertThat(result.succeeded()).as(result.errors()).isTrue();
        return Duration.ofMillis(Math.round(Double.parseDouble(result.output().strip()) * 1000));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void waitUntil(Process server, BooleanSupplier condition) {
        Await.until(GENEROUS, condition, "the server is running", server::isAlive, this::log);
    }

    private String log() {
        try (Stream<Path> logs = Files.list(workingFolder)) {
            StringBuilder text = new StringBuilder("recordings: " + segments(workingFolder.resolve("data/recordings")));
            for (Path log : logs.filter(file -> file.toString().endsWith(".log")).toList()) {
                List<String> lines = Files.readAllLines(log);
                text.append('\n').append(log.getFileName()).append(":\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            }
            return text.toString();
        } catch (IOException e) {
            return "(the log cannot be read: " + e.getMessage() + ")";
        }
    }
}

package org.atalaya.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.atalaya.media.FfmpegForTests;

/**
 * Runs the real ffmpeg and ffprobe from the application's dependencies (as unpacked by {@link FfmpegForTests}) for
 * tests that talk to real peers: pulling a stream from {@link RtspServer}, checking a file, making a clip.
 */
public final class Ffmpeg {

    /** What a finished ffmpeg or ffprobe run printed. */
    public record Result(int exitCode, String output, String errors) {

        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    private Ffmpeg() {
    }

    /** Runs ffmpeg with these arguments (no shell) until it ends; kills it and fails after {@code timeout}. */
    public static Result run(Duration timeout, List<String> arguments) {
        return execute(FfmpegForTests.binaries().ffmpeg(), timeout, arguments);
    }

    /** Runs ffprobe with these arguments (no shell) until it ends; kills it and fails after {@code timeout}. */
    public static Result probe(Duration timeout, List<String> arguments) {
        return execute(FfmpegForTests.binaries().ffprobe(), timeout, arguments);
    }

    /**
     * Records {@code seconds} of ffmpeg's moving test picture (with its running clock) as an H.264 MP4 clip the way
     * a small camera sends it: 640x360, 15 frames per second, a keyframe every second.
     */
    public static Path createClip(Path file, int seconds) {
        Result result = run(Duration.ofSeconds(60), List.of("-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=15", "-t", Integer.toString(seconds),
                "-c:v", "libopenh264", "-b:v", "600k", "-g", "15", "-pix_fmt", "yuv420p", file.toString()));
        if (!result.succeeded()) {
            throw new IllegalStateException("ffmpeg could not make the clip " + file + ": " + result.errors());
        }
        return file;
    }

    private static Result execute(Path executable, Duration timeout, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).start();
            // ffmpeg reads keyboard commands from stdin: it gets none
            process.getOutputStream().close();
            CompletableFuture<String> output = readAll(process.getInputStream());
            CompletableFuture<String> errors = readAll(process.getErrorStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(executable.getFileName() + " " + arguments + " took longer than "
                        + timeout + ": " + errors.get());
            }
            return new Result(process.exitValue(), output.get(), errors.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + executable.getFileName(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read what " + executable.getFileName() + " printed", e);
        }
    }

    private static CompletableFuture<String> readAll(InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (stream) {
                text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.completeExceptionally(e);
            }
        });
        return text;
    }
}

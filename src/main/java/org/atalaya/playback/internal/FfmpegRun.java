package org.atalaya.playback.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.atalaya.media.ChildProcess;
import org.atalaya.media.PipeReaders;
import org.atalaya.media.ProcessLauncher;

/** One run of ffmpeg that writes a file and prints nothing useful: started, waited for with a limit, checked. */
final class FfmpegRun {

    private FfmpegRun() {
    }

    /**
     * Runs the command to its end; its output is read on a platform thread (never a virtual one: a pipe read would
     * pin its carrier).
     *
     * @throws IOException when it cannot start, takes longer than {@code timeout} (it is then stopped) or fails
     */
    static void run(ProcessLauncher launcher, String key, List<String> command, Duration timeout) throws IOException {
        ChildProcess ffmpeg = launcher.start(key, command);
        try (var reader = PipeReaders.perTask("ffmpeg-output-")) {
            CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> drain(ffmpeg.output()), reader);
            ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            ffmpeg.stop();
            throw new IOException("ffmpeg took longer than " + timeout);
        } catch (ExecutionException e) {
            ffmpeg.stop();
            throw new IOException("could not read ffmpeg's output", e.getCause());
        } catch (InterruptedException e) {
            ffmpeg.stop();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while ffmpeg ran", e);
        }
        int exitCode = ffmpeg.stop().exitCode();
        if (exitCode != 0) {
            throw new IOException("ffmpeg ended with " + exitCode + ": " + String.join(" | ", ffmpeg.recentErrorLines()));
        }
    }

    private static void drain(InputStream output) {
        try (output) {
            output.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.atalaya.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.atalaya.media.ChildProcess;
import org.atalaya.media.StopResult;

/** A child process of this JVM, with its error output drained on a virtual thread. */
final class OsChildProcess implements ChildProcess {

    /** How long to wait, after the process ended, for the last of its error output. */
    private static final Duration ERROR_OUTPUT_DRAIN = Duration.ofSeconds(1);

    private final Process process;
    private final RecentLines errors;
    private final Thread errorReader;
    private final Duration quitGrace;
    private final Duration terminateGrace;
    private StopResult result;

    OsChildProcess(Process process, String key, int errorLines, Duration quitGrace, Duration terminateGrace) {
        this.process = process;
        this.errors = new RecentLines(errorLines);
        this.quitGrace = quitGrace;
        this.terminateGrace = terminateGrace;
        // a platform thread, like every pipe reader (see PipeReaders): it waits in a read for the whole run
        this.errorReader = Thread.ofPlatform().daemon().name("stderr " + key + " " + process.pid())
                .start(() -> errors.readAll(process.getErrorStream()));
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public InputStream output() {
        return process.getInputStream();
    }

    @Override
    public List<String> recentErrorLines() {
        return errors.lines();
    }

    @Override
    public synchronized StopResult stop() {
        if (result == null) {
            result = StopSequence.run(new Control(), quitGrace, terminateGrace);
            awaitErrorOutput();
        }
        return result;
    }

    private void awaitErrorOutput() {
        try {
            errorReader.join(ERROR_OUTPUT_DRAIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Control implements StopSequence.ProcessControl {

        @Override
        public boolean hasEnded() {
            return !process.isAlive();
        }

        @Override
        public void askToQuit() {
            try (OutputStream input = process.getOutputStream()) {
                input.write("q\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // the process closed its input or is ending already; SIGTERM follows if it does not end
            }
        }

        @Override
        public boolean awaitExit(Duration timeout) {
            try {
                return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !process.isAlive();
            }
        }

        @Override
        public void terminate() {
            process.destroy();
        }

        @Override
        public void kill() {
            process.destroyForcibly();
        }

        @Override
        public int exitCode() {
            return process.exitValue();
        }
    }
}

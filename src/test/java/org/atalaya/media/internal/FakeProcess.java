package org.atalaya.media.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import org.atalaya.media.ChildProcess;
import org.atalaya.media.StopResult;

/**
 * A process that writes a scripted output and error lines. Its output ends when the script ends: with the manual
 * executor, a silent process is one whose output the test has not let anyone read yet.
 */
final class FakeProcess implements ChildProcess {

    private final InputStream output;
    private final List<String> errorLines;
    private final int exitCode;
    private int stopRequests;

    FakeProcess(InputStream output, int exitCode, String... errorLines) {
        this.output = output;
        this.exitCode = exitCode;
        this.errorLines = List.of(errorLines);
    }

    static FakeProcess failing(int exitCode, String... errorLines) {
        return new FakeProcess(new ByteArrayInputStream(new byte[0]), exitCode, errorLines);
    }

    @Override
    public long pid() {
        return 4242;
    }

    @Override
    public InputStream output() {
        return output;
    }

    @Override
    public List<String> recentErrorLines() {
        return errorLines;
    }

    @Override
    public synchronized StopResult stop() {
        stopRequests++;
        return new StopResult(stopRequests == 1 ? StopResult.Step.QUIT : StopResult.Step.ALREADY_ENDED, exitCode);
    }

    synchronized int stopRequests() {
        return stopRequests;
    }
}

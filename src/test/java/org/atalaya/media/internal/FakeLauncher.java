package org.atalaya.media.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.atalaya.media.ChildProcess;
import org.atalaya.media.ProcessLauncher;

/** Hands out scripted processes, then processes from a fallback, and remembers when each start happened. */
final class FakeLauncher implements ProcessLauncher {

    private final Clock clock;
    private final Deque<Object> script = new ArrayDeque<>();
    private final List<Instant> starts = new ArrayList<>();
    private final List<FakeProcess> started = new ArrayList<>();
    private Supplier<FakeProcess> fallback = () -> FakeProcess.failing(1, "Connection refused");

    FakeLauncher(Clock clock) {
        this.clock = clock;
    }

    /** The next start returns {@code process}. */
    FakeLauncher then(FakeProcess process) {
        script.add(process);
        return this;
    }

    /** The next start fails with {@code failure}. */
    FakeLauncher thenFail(IOException failure) {
        script.add(failure);
        return this;
    }

    /** Starts after the script return a new process from {@code processes}. */
    FakeLauncher afterwards(Supplier<FakeProcess> processes) {
        fallback = processes;
        return this;
    }

    @Override
    public ChildProcess start(String key, List<String> command) throws IOException {
        starts.add(clock.instant());
        Object next = script.isEmpty() ? fallback.get() : script.poll();
        if (next instanceof IOException failure) throw failure;
        started.add((FakeProcess) next);
        return (FakeProcess) next;
    }

    List<Instant> starts() {
        return starts;
    }

    FakeProcess last() {
        return started.getLast();
    }
}

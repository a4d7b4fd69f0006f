package org.atalaya.media.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.atalaya.media.MediaProperties;
import org.atalaya.platform.BackgroundWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * At start-up, before any camera starts, stops the processes a previous server left behind when it crashed: those
 * carrying Atalaya's {@link ProcessMarker} that no longer descend from the server that started them (an orphan is
 * adopted by init or a subreaper). A process that still descends from its owner belongs to a server that is running
 * (another installation on the same machine, or a test run), and is left alone. Ancestry is checked rather than
 * whether the owner's pid is alive, so a pid reused by an unrelated process cannot hide a leftover: a process
 * started after the owner died is never an ancestor of the owner's children.
 */
@BackgroundWorker
class LeftoverProcessReaper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeftoverProcessReaper.class);

    /** A process found and stopped. */
    record Leftover(long pid, long ownerPid, String key) {
    }

    private static final int MAX_ANCESTRY = 64;

    private final Duration grace;
    private volatile boolean running;

    LeftoverProcessReaper(MediaProperties properties) {
        this.grace = properties.terminateGrace();
    }

    @Override
    public void start() {
        for (Leftover leftover : reap()) {
            log.warn("Stopped process {} for '{}', left behind by server process {}", leftover.pid(), leftover.key(),
                    leftover.ownerPid());
        }
        running = true;
    }

    /** Finds the leftovers, sends them SIGTERM, and SIGKILL to those still running after the grace period. */
    List<Leftover> reap() {
        if (!Files.isDirectory(Path.of("/proc/self"))) return List.of();
        long ownPid = ProcessHandle.current().pid();
        Map<ProcessHandle, Leftover> found = new LinkedHashMap<>();
        ProcessHandle.allProcesses().filter(handle -> handle.pid() != ownPid).forEach(handle ->
                ProcessMarker.read(handle.pid())
                        .filter(mark -> !descendsFrom(handle, mark.ownerPid()))
                        .ifPresent(mark -> found.put(handle, new Leftover(handle.pid(), mark.ownerPid(), mark.key()))));
        found.keySet().forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : found.keySet()) {
            if (!awaitExit(handle) && isRunning(handle.pid())) {
                handle.destroyForcibly();
                awaitExit(handle);
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * Whether {@code pid} is a process that still runs: an ended process that its new parent has not reaped yet (a
     * zombie) counts as ended, although {@link ProcessHandle#isAlive()} still reports it.
     */
    static boolean isRunning(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int endOfName = stat.lastIndexOf(')');
            return endOfName > 0 && endOfName + 2 < stat.length() && stat.charAt(endOfName + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean descendsFrom(ProcessHandle process, long ancestorPid) {
        var ancestor = process.parent();
        for (int depth = 0; ancestor.isPresent() && depth < MAX_ANCESTRY; depth++) {
            if (ancestor.get().pid() == ancestorPid) return true;
            ancestor = ancestor.get().parent();
        }
        return false;
    }

    private boolean awaitExit(ProcessHandle handle) {
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the workers that start processes. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}

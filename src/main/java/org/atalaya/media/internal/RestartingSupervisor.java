package org.atalaya.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.atalaya.media.ChildProcess;
import org.atalaya.media.Mp4FormatException;
import org.atalaya.media.OutputConsumer;
import org.atalaya.media.ProcessLauncher;
import org.atalaya.media.ProcessSupervisor;
import org.atalaya.media.StopResult;
import org.atalaya.media.StreamProblem;
import org.atalaya.media.SupervisionListener;
import org.atalaya.media.SupervisionStatus;
import org.atalaya.media.SupervisionStatus.Failure;
import org.atalaya.media.SupervisionStatus.State;
import org.atalaya.media.internal.ErrorClassifier.Diagnosis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one process per key running. Each run's output is read on a worker; a timer stops a run that stays silent
 * for the no-output timeout; an ended run is explained from the watchdog, the process's error lines or the
 * consumer's exception, and restarted after the policy's delay. All waiting goes through the {@link Scheduler} and
 * all time through the {@link Clock}, so tests drive both by hand.
 */
final class RestartingSupervisor implements ProcessSupervisor, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RestartingSupervisor.class);

    private final ProcessLauncher launcher;
    private final Scheduler scheduler;
    private final Executor workers;
    private final Clock clock;
    private final SupervisionPolicy policy;
    private final SupervisionListener listener;
    private final ConcurrentMap<String, Supervised> supervised = new ConcurrentHashMap<>();

    RestartingSupervisor(ProcessLauncher launcher, Scheduler scheduler, Executor workers, Clock clock,
                         SupervisionPolicy policy, SupervisionListener listener) {
        this.launcher = launcher;
        this.scheduler = scheduler;
        this.workers = workers;
        this.clock = clock;
        this.policy = policy;
        this.listener = listener;
    }

    @Override
    public void supervise(String key, Supplier<List<String>> command, OutputConsumer consumer) {
        var entry = new Supervised(Objects.requireNonNull(key), Objects.requireNonNull(command),
                Objects.requireNonNull(consumer));
        if (supervised.putIfAbsent(key, entry) != null) {
            throw new IllegalStateException("'" + key + "' is already supervised");
        }
        entry.launch();
    }

    @Override
    public void stop(String key) {
        Supervised entry = supervised.remove(key);
        if (entry != null) entry.stop();
    }

    @Override
    public Optional<SupervisionStatus> status(String key) {
        return Optional.ofNullable(supervised.get(key)).map(entry -> entry.status);
    }

    @Override
    public List<SupervisionStatus> statuses() {
        return supervised.values().stream().map(entry -> entry.status)
                .sorted(Comparator.comparing(SupervisionStatus::key)).toList();
    }

    /** Stops every supervised process, in parallel, and waits for them. */
    @Override
    public void close() {
        try (var stopping = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String key : List.copyOf(supervised.keySet())) stopping.execute(() -> stop(key));
        }
    }

    /** One key's process and the state of its supervision; every field is guarded by this object. */
    private final class Supervised {

        private final String key;
        private final Supplier<List<String>> command;
        private final OutputConsumer consumer;
        private int run;
        private ChildProcess process;
        private Scheduler.Cancellable timer;
        private boolean stopRequested;
        private boolean silenceStoppedIt;
        private int failures;
        private Instant firstOutputAt;
        private Failure lastFailure;
        private volatile Instant lastOutputAt;
        private volatile boolean outputSeen;
        private volatile SupervisionStatus status;

        Supervised(String key, Supplier<List<String>> command, OutputConsumer consumer) {
            this.key = key;
            this.command = command;
            this.consumer = consumer;
        }

        synchronized void launch() {
            timer = null;
            if (stopRequested) return;
            int thisRun = ++run;
            silenceStoppedIt = false;
            firstOutputAt = null;
            outputSeen = false;
            Instant now = clock.instant();
            ChildProcess started;
            try {
                started = launcher.start(key, command.get());
            } catch (IOException | RuntimeException e) {
                restartLater(new Failure(StreamProblem.CANNOT_START, e.getMessage(), now));
                return;
            }
            process = started;
            lastOutputAt = now;
            publish(new SupervisionStatus(key, State.STARTING, now, failures, null, lastFailure));
            timer = scheduler.schedule(policy.noOutputTimeout(), () -> checkOutput(thisRun));
            workers.execute(() -> pump(thisRun, started));
        }

        private void pump(int thisRun, ChildProcess child) {
            Diagnosis consumerProblem = null;
            try (InputStream output = new ActivityStream(child.output(), () -> outputArrived(thisRun))) {
                consumer.consume(output);
            } catch (Mp4FormatException e) {
                consumerProblem = new Diagnosis(StreamProblem.UNSUPPORTED_STREAM, e.getMessage());
            } catch (IOException | RuntimeException e) {
                consumerProblem = new Diagnosis(StreamProblem.ENDED, "its output could not be read: " + e.getMessage());
            }
            StopResult end = child.stop();
            ended(thisRun, end, child.recentErrorLines(), consumerProblem);
        }

        private void outputArrived(int thisRun) {
            lastOutputAt = clock.instant();
            if (!outputSeen) firstOutput(thisRun);
        }

        private synchronized void firstOutput(int thisRun) {
            if (thisRun != run || outputSeen) return;
            outputSeen = true;
            firstOutputAt = lastOutputAt;
            if (!stopRequested) publish(new SupervisionStatus(key, State.RUNNING, firstOutputAt, failures, null, lastFailure));
        }

        private synchronized void checkOutput(int thisRun) {
            if (thisRun != run || process == null || stopRequested) return;
            Duration silence = Duration.between(lastOutputAt, clock.instant());
            if (silence.compareTo(policy.noOutputTimeout()) < 0) {
                timer = scheduler.schedule(policy.noOutputTimeout().minus(silence), () -> checkOutput(thisRun));
                return;
            }
            timer = null;
            silenceStoppedIt = true;
            workers.execute(process::stop);
        }

        private synchronized void ended(int thisRun, StopResult end, List<String> errorLines, Diagnosis consumerProblem) {
            if (thisRun != run) return;
            cancelTimer();
            process = null;
            if (stopRequested) return;
            Instant now = clock.instant();
            if (firstOutputAt != null && !Duration.between(firstOutputAt, now).minus(policy.healthyAfter()).isNegative()) {
                failures = 0;
            }
            restartLater(explain(end, errorLines, consumerProblem, now));
        }

        private Failure explain(StopResult end, List<String> errorLines, Diagnosis consumerProblem, Instant now) {
            if (silenceStoppedIt) {
                return new Failure(StreamProblem.NO_OUTPUT,
                        "nothing for " + policy.noOutputTimeout().toSeconds() + " s", now);
            }
            Optional<Diagnosis> fromErrors = ErrorClassifier.classify(errorLines);
            if (fromErrors.isPresent()) return new Failure(fromErrors.get().problem(), fromErrors.get().detail(), now);
            if (consumerProblem != null) return new Failure(consumerProblem.problem(), consumerProblem.detail(), now);
            String detail = "exit code " + end.exitCode();
            if (!errorLines.isEmpty()) detail += ": " + ErrorClassifier.withoutPrefix(errorLines.getLast());
            return new Failure(StreamProblem.ENDED, detail, now);
        }

        /** Holding the lock: count the failure and start again after the policy's delay. */
        private void restartLater(Failure failure) {
            Duration delay = policy.restartDelay(failures);
            failures++;
            lastFailure = failure;
            Instant now = failure.at();
            publish(new SupervisionStatus(key, State.WAITING_TO_RESTART, now, failures, now.plus(delay), failure));
            timer = scheduler.schedule(delay, this::launch);
        }

        void stop() {
            ChildProcess child;
            synchronized (this) {
                stopRequested = true;
                cancelTimer();
                child = process;
            }
            if (child != null) child.stop();
            synchronized (this) {
                publish(new SupervisionStatus(key, State.STOPPED, clock.instant(), failures, null, lastFailure));
            }
        }

        private void cancelTimer() {
            if (timer != null) timer.cancel();
            timer = null;
        }

        private void publish(SupervisionStatus next) {
            status = next;
            if (next.state() == State.WAITING_TO_RESTART) {
                log.info("Process '{}' {}", key, next.describe());
            }
            try {
                listener.statusChanged(next);
            } catch (RuntimeException e) {
                log.warn("A supervision listener failed on '{}': {}", key, e.toString());
            }
        }
    }
}

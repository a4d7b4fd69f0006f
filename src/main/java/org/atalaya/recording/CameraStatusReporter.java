package org.atalaya.recording;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.atalaya.camera.CameraStatus;
import org.atalaya.camera.CameraStatusChanged;
import org.atalaya.media.StreamProblem;
import org.atalaya.media.SupervisionListener;
import org.atalaya.media.SupervisionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns the recorder's supervision into {@link CameraStatusChanged} events: online when video flows, offline while
 * the camera cannot be reached, error when it answers but cannot be used as configured, idle when recording stopped.
 * Only changes are published; a camera that keeps failing the same way is not reported again at every attempt.
 */
@Component
class CameraStatusReporter implements SupervisionListener {

    /** Problems that retrying will not cure: someone has to change the camera or its settings. */
    private static final Set<StreamProblem> CONFIGURATION_PROBLEMS = EnumSet.of(StreamProblem.WRONG_CREDENTIALS,
            StreamProblem.NOT_FOUND, StreamProblem.UNSUPPORTED_STREAM, StreamProblem.CANNOT_START);

    private static final Logger LOG = LoggerFactory.getLogger(CameraStatusReporter.class);

    private record Reported(CameraStatus status, StreamProblem problem) {
    }

    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Map<Long, Reported> lastReported = new ConcurrentHashMap<>();

    CameraStatusReporter(ApplicationEventPublisher events, TransactionTemplate transaction) {
        this.events = events;
        this.transaction = transaction;
    }

    @Override
    public void statusChanged(SupervisionStatus supervision) {
        Optional<Long> camera = CameraRecorder.cameraOf(supervision.key());
        if (camera.isEmpty()) return;
        SupervisionStatus.Failure failure = supervision.lastFailure();
        CameraStatus status = switch (supervision.state()) {
            case RUNNING -> CameraStatus.ONLINE;
            case STOPPED -> CameraStatus.IDLE;
            case WAITING_TO_RESTART -> failure != null && CONFIGURATION_PROBLEMS.contains(failure.problem())
                    ? CameraStatus.ERROR : CameraStatus.OFFLINE;
            case STARTING -> null;
        };
        if (status == null) return;
        boolean troubled = status == CameraStatus.OFFLINE || status == CameraStatus.ERROR;
        var reported = new Reported(status, troubled && failure != null ? failure.problem() : null);
        if (reported.equals(lastReported.put(camera.get(), reported))) return;
        String problem = troubled && failure != null ? failure.describe() : null;
        try {
            // transactional listeners (and the event publication log) only hear events published in a transaction
            transaction.executeWithoutResult(ignored -> events.publishEvent(
                    new CameraStatusChanged(camera.get(), status, supervision.since(), problem, reported.problem())));
        } catch (RuntimeException e) {
            lastReported.remove(camera.get(), reported);
            LOG.warn("Could not record that camera {} is {}: {}", camera.get(), status, e.getMessage());
        }
    }
}

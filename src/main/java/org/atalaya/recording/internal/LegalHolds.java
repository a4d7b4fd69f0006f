package org.atalaya.recording.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.SignedInUser;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.camera.CameraCatalog;
import org.atalaya.camera.RegisteredCamera;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets and releases legal holds for the signed-in user, within the camera groups for which they may manage holds,
 * and audits both with the reason and case given. A camera the user may neither see nor manage holds for answers as
 * if it did not exist, as the camera registry does.
 */
@Service
class LegalHolds {

    static final int MAX_REASON = 2000;
    static final int MAX_CASE = 100;

    /** A hold with the name of its camera, for the console; times in UTC (the page's script shows them locally). */
    record Shown(LegalHold hold, String cameraName) {

        private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(ZoneOffset.UTC);

        public String from() {
            return UTC.format(hold.from());
        }

        public String to() {
            return UTC.format(hold.to());
        }

        public String setAt() {
            return UTC.format(hold.setAt());
        }
    }

    private final LegalHoldStore store;
    private final CameraCatalog cameras;
    private final AuditLog audit;
    private final Clock clock;

    LegalHolds(LegalHoldStore store, CameraCatalog cameras, AuditLog audit, Clock clock) {
        this.store = store;
        this.cameras = cameras;
        this.audit = audit;
        this.clock = clock;
    }

    /** The cameras the user may set holds on, by name. */
    List<RegisteredCamera> manageableCameras() {
        SignedInUser user = user();
        return cameras.all().stream().filter(camera -> user.can(Permission.LEGAL_HOLD_MANAGE, camera.cameraGroup()))
                .toList();
    }

    /** The active holds on cameras the user may manage holds for, newest first. */
    List<Shown> activeManageable() {
        SignedInUser user = user();
        return store.active().stream()
                .flatMap(hold -> cameras.find(hold.cameraId()).stream()
                        .filter(camera -> user.can(Permission.LEGAL_HOLD_MANAGE, camera.cameraGroup()))
                        .map(camera -> new Shown(hold, camera.name())))
                .toList();
    }

    List<LegalHold> ofCamera(long cameraId) {
        return store.ofCamera(manageable(cameraId).id());
    }

    @Transactional
    LegalHold set(long cameraId, Instant from, Instant to, String reason, String caseNumber) {
        RegisteredCamera camera = manageable(cameraId);
        if (from == null) throw LegalHoldProblem.invalid("from-missing", "from: say from when the footage must be kept.");
        if (to == null) throw LegalHoldProblem.invalid("to-missing", "to: say until when the footage must be kept.");
        if (!from.isBefore(to)) throw LegalHoldProblem.invalid("order", "from: the hold must start before it ends.");
        String why = reason(reason);
        String caseGiven = caseNumber(caseNumber);
        SignedInUser user = user();
        store.lockCamera(cameraId);
        long id = store.insert(cameraId, from, to, why, caseGiven, user.username(), clock.instant());
        audit.record(AuditEvent.success("recording.legal-hold.set", camera.auditTarget())
                .by(user.username())
                .because(why, caseGiven)
                .with("hold", Long.toString(id))
                .with("from", from.toString())
                .with("to", to.toString()));
        return store.byId(id).orElseThrow();
    }

    @Transactional
    LegalHold release(long holdId, String reason) {
        LegalHold hold = store.byId(holdId).orElseThrow(() -> LegalHoldProblem.noHold(holdId));
        RegisteredCamera camera;
        try {
            camera = manageable(hold.cameraId());
        } catch (LegalHoldProblem problem) {
            if (problem.getStatusCode().value() == 404) throw LegalHoldProblem.noHold(holdId);
            throw problem;
        }
        String why = reason(reason);
        SignedInUser user = user();
        if (!store.release(holdId, user.username(), clock.instant(), why)) {
            throw LegalHoldProblem.alreadyReleased(holdId);
        }
        audit.record(AuditEvent.success("recording.legal-hold.release", camera.auditTarget())
                .by(user.username())
                .because(why, hold.caseNumber())
                .with("hold", Long.toString(holdId))
                .with("from", hold.from().toString())
                .with("to", hold.to().toString()));
        return store.byId(holdId).orElseThrow();
    }

    /** @throws LegalHoldProblem 404 when the user may not even see the camera, 403 when they only see it */
    private RegisteredCamera manageable(long cameraId) {
        RegisteredCamera camera = cameras.find(cameraId).orElseThrow(() -> LegalHoldProblem.noCamera(cameraId));
        return switch (user().reach(Permission.LEGAL_HOLD_MANAGE, camera.cameraGroup())) {
            case HIDDEN -> throw LegalHoldProblem.noCamera(cameraId);
            case SEEN -> throw LegalHoldProblem.forbidden(camera.name());
            case PERMITTED -> camera;
        };
    }

    private static String reason(String value) {
        if (value == null || value.isBlank()) {
            throw LegalHoldProblem.invalid("reason-missing", "reason: give the reason; it is kept in the audit log.");
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_REASON) {
            throw LegalHoldProblem.invalid("reason-long", "reason: at most " + MAX_REASON + " characters.");
        }
        return stripped;
    }

    private static String caseNumber(String value) {
        if (value == null || value.isBlank()) return null;
        String stripped = value.strip();
        if (stripped.length() > MAX_CASE) {
            throw LegalHoldProblem.invalid("case-long", "case: at most " + MAX_CASE + " characters.");
        }
        return stripped;
    }

    private static SignedInUser user() {
        return CurrentUser.get().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }
}

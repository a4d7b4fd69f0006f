package org.atalaya.alarm.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.atalaya.access.CurrentUser;
import org.atalaya.access.SignedInUser;
import org.atalaya.alarm.AlarmIntake;
import org.atalaya.alarm.AlarmProperties;
import org.atalaya.alarm.AlarmSignal;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.camera.CameraCatalog;
import org.atalaya.camera.RegisteredCamera;
import org.atalaya.clip.EventClips;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes signals into the queue. A signal folds into the open alarm with its deduplication key (one atomic statement);
 * otherwise a source that opened more than the flood threshold of alarms within the flood window has its signal
 * folded into its one flood alarm ({@code flood:<source>}); otherwise a new alarm opens, is audited
 * ({@code alarm.raised}, by the signed-in user or {@code system}) and, if its type wants clips, asks for a clip of up
 * to {@value #MAX_CLIPS} of its cameras once committed. Folds are counted, not audited.
 */
@Component
class JdbcAlarmIntake implements AlarmIntake {

    static final int MAX_CLIPS = 4;
    static final String SYSTEM = "system";

    private static final Logger log = LoggerFactory.getLogger(JdbcAlarmIntake.class);

    private final AlarmStore store;
    private final AlarmTypes types;
    private final CameraCatalog cameras;
    private final AuditLog audit;
    private final AlarmNotices notices;
    private final EventClips clips;
    private final AlarmProperties properties;
    private final Clock clock;
    private final TransactionTemplate joiningTransaction;
    private final TransactionTemplate ownTransaction;

    JdbcAlarmIntake(AlarmStore store, AlarmTypes types, CameraCatalog cameras, AuditLog audit, AlarmNotices notices,
                    EventClips clips, AlarmProperties properties, Clock clock,
                    PlatformTransactionManager transactionManager) {
        this.store = store;
        this.types = types;
        this.cameras = cameras;
        this.audit = audit;
        this.notices = notices;
        this.clips = clips;
        this.properties = properties;
        this.clock = clock;
        this.joiningTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public long raise(AlarmSignal signal) {
        AlarmType type = typeOf(signal);
        Long id = joiningTransaction.execute(status -> take(signal, type, true));
        return id == null ? 0 : id;
    }

    /**
     * Raises an alarm without an audit entry, in a transaction of its own: for the alarm that says the audit log cannot
     * be written, which could neither be audited nor share the failed transaction.
     */
    long raiseUnaudited(AlarmSignal signal) {
        AlarmType type = typeOf(signal);
        Long id = ownTransaction.execute(status -> take(signal, type, false));
        return id == null ? 0 : id;
    }

    private AlarmType typeOf(AlarmSignal signal) {
        if (signal.type() == null) throw new IllegalArgumentException("An alarm signal needs a type.");
        if (signal.source() == null || signal.source().isBlank()) {
            throw new IllegalArgumentException("An alarm signal needs a source.");
        }
        return types.find(signal.type())
                .orElseThrow(() -> new IllegalArgumentException("There is no alarm type " + signal.type() + "."));
    }

    private long take(AlarmSignal signal, AlarmType type, boolean audited) {
        Instant now = clock.instant();
        Instant at = signal.at() == null ? now : signal.at();
        String dedupKey = signal.dedupKey() == null || signal.dedupKey().isBlank()
                ? type.code() + ":" + signal.source() : signal.dedupKey();
        String detail = signal.detail();
        if (!store.hasOpen(dedupKey) && flooding(signal.source(), now)) {
            dedupKey = "flood:" + signal.source();
            detail = "flood: 1 signals from " + signal.source();
        }
        List<RegisteredCamera> attached = known(signal.cameraIds());
        Optional<RegisteredCamera> first = attached.stream().findFirst();
        boolean placed = signal.latitude() != null && signal.longitude() != null;
        var alarm = new AlarmStore.NewAlarm(type.code(), type.priority(), signal.source(), dedupKey, detail, at,
                attached.stream().map(RegisteredCamera::id).toList(),
                first.map(RegisteredCamera::cameraGroup).orElse(null),
                placed ? signal.latitude() : first.map(RegisteredCamera::latitude).orElse(null),
                placed ? signal.longitude() : first.map(RegisteredCamera::longitude).orElse(null), now);
        AlarmStore.Intake intake = store.openOrFold(alarm);
        if (intake.opened()) opened(intake.id(), alarm, audited, type.clip());
        notices.updated(intake.id());
        return intake.id();
    }

    private void opened(long id, AlarmStore.NewAlarm alarm, boolean audited, boolean clip) {
        String actor = CurrentUser.get().map(SignedInUser::username).orElse(SYSTEM);
        store.addHistory(id, alarm.createdAt(), "raised", actor, audited ? alarm.source()
                : alarm.source() + " (not audited: the audit log could not be written)");
        if (audited) {
            audit.record(AuditEvent.success("alarm.raised", AlarmRow.auditTarget(id))
                    .with("type", alarm.type())
                    .with("source", alarm.source())
                    .with("priority", String.valueOf(alarm.priority())));
        }
        if (clip && !alarm.cameraIds().isEmpty()) {
            List<Long> clipped = alarm.cameraIds().stream().limit(MAX_CLIPS).toList();
            notices.afterCommit(() -> askForClips(id, clipped, alarm.at()));
        }
    }

    /** What the clips of an alarm belong to, e.g. {@code alarm:42}. */
    static String clipRef(long alarmId) {
        return "alarm:" + alarmId;
    }

    private boolean flooding(String source, Instant now) {
        return store.openedBy(source, now.minus(properties.floodWindow())) >= properties.floodThreshold();
    }

    private List<RegisteredCamera> known(List<Long> cameraIds) {
        List<RegisteredCamera> known = new ArrayList<>();
        for (long cameraId : cameraIds) {
            cameras.find(cameraId).ifPresentOrElse(known::add,
                    () -> log.warn("An alarm signal names camera {}, which does not exist; it is left out", cameraId));
        }
        return known;
    }

    private void askForClips(long alarmId, List<Long> cameraIds, Instant at) {
        for (long cameraId : cameraIds) {
            try {
                clips.capture(cameraId, at, clipRef(alarmId));
            } catch (RuntimeException e) {
                log.warn("Could not ask for a clip of camera {} for alarm {}: {}", cameraId, alarmId, e.getMessage());
            }
        }
    }
}

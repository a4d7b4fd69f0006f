package org.atalaya.alarm.internal.sources;

import java.time.Clock;
import java.util.OptionalLong;
import org.atalaya.alarm.AlarmIntake;
import org.atalaya.alarm.AlarmSignal;
import org.springframework.stereotype.Component;

/**
 * Turns a source's event into an alarm signal (or, for "cleared", into the source's last event only), and keeps what
 * the source last said or why its last payload was refused.
 */
@Component
class SourceEventReceiver {

    private final AlarmIntake intake;
    private final AlarmSourceStore store;
    private final Clock clock;

    SourceEventReceiver(AlarmIntake intake, AlarmSourceStore store, Clock clock) {
        this.intake = intake;
        this.store = store;
        this.clock = clock;
    }

    /** @return the alarm the event went into; empty for a "cleared" event */
    OptionalLong receive(AlarmSource source, SourceEvent event) {
        if (event.cleared()) {
            store.recordEvent(source.id(), event.at(), "cleared");
            return OptionalLong.empty();
        }
        long alarmId = intake.raise(signal(source, event));
        store.recordEvent(source.id(), event.at(), "active");
        return OptionalLong.of(alarmId);
    }

    void refused(AlarmSource source, String reason) {
        store.recordError(source.id(), clock.instant(), reason);
    }

    static AlarmSignal signal(AlarmSource source, SourceEvent event) {
        String sameAlarm = event.dedupKey() != null ? event.dedupKey()
                : event.event() != null ? event.event() : source.alarmType();
        String detail = event.message() != null ? event.message() : event.event();
        return new AlarmSignal(source.alarmType(), source.signalSource(), "source:" + source.id() + ":" + sameAlarm,
                event.at(), source.cameraIds(), source.latitude(), source.longitude(), detail);
    }
}

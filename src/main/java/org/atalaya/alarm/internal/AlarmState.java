package org.atalaya.alarm.internal;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where an alarm stands: new, then acknowledged, then in progress, then closed; an alarm may be closed from any open
 * state. Each step names the states it may be taken from.
 */
enum AlarmState {
    NEW, ACKNOWLEDGED, IN_PROGRESS, CLOSED;

    /** How the state is stored and sent: {@code new}, {@code acknowledged}, {@code in_progress}, {@code closed}. */
    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AlarmState of(String code) {
        return Arrays.stream(values()).filter(state -> state.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown alarm state " + code));
    }

    boolean isOpen() {
        return this != CLOSED;
    }

    /** The state after acknowledging, or null if an alarm in this state cannot be acknowledged. */
    AlarmState acknowledged() {
        return switch (this) {
            case NEW -> ACKNOWLEDGED;
            case ACKNOWLEDGED, IN_PROGRESS, CLOSED -> null;
        };
    }

    /** The state after starting work, or null if work cannot start from this state. */
    AlarmState started() {
        return switch (this) {
            case ACKNOWLEDGED -> IN_PROGRESS;
            case NEW, IN_PROGRESS, CLOSED -> null;
        };
    }

    /** The state after closing, or null if already closed. */
    AlarmState closed() {
        return isOpen() ? CLOSED : null;
    }
}

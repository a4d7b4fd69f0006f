package org.atalaya.alarm.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an alarm stands: new, then acknowledged, then in progress, then closed; an alarm may be closed from any open
 * state. {@link #after} says where each step leads, if it may be taken at all.
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

    /** What an operator does to move an alarm on. */
    enum Step { ACKNOWLEDGE, START, CLOSE }

    /** The state the step leads to from this one, or empty when the step cannot be taken from here. */
    Optional<AlarmState> after(Step step) {
        return Optional.ofNullable(switch (step) {
            case ACKNOWLEDGE -> this == NEW ? ACKNOWLEDGED : null;
            case START -> this == ACKNOWLEDGED ? IN_PROGRESS : null;
            case CLOSE -> isOpen() ? CLOSED : null;
        });
    }
}

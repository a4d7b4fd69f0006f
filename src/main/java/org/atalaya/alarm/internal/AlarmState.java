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

    /** Why a step cannot be taken from this state, in words, e.g. "alarm 12 is already closed". */
    String refusal(long alarmId, String step) {
        return switch (this) {
            case CLOSED -> "Alarm " + alarmId + " is already closed.";
            case ACKNOWLEDGED -> step.equals("acknowledge") ? "Alarm " + alarmId + " is already acknowledged."
                    : "Alarm " + alarmId + " is acknowledged; it cannot be " + past(step) + " now.";
            case IN_PROGRESS -> "Alarm " + alarmId + " is already in progress; it cannot be " + past(step) + " now.";
            case NEW -> "Alarm " + alarmId + " is new: acknowledge it before it can be " + past(step) + ".";
        };
    }

    private static String past(String step) {
        return switch (step) {
            case "acknowledge" -> "acknowledged";
            case "start" -> "started";
            default -> step;
        };
    }
}

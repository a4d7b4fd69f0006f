package org.atalaya.alarm.internal;

import java.util.Arrays;
import java.util.Optional;

/** How an alarm ended, as the operator who closed it judged. */
enum AlarmOutcome {
    RESOLVED("resolved"),
    FALSE_ALARM("false-alarm"),
    /** Handed on, e.g. to the police or to an incident. */
    REFERRED("referred"),
    TEST("test"),
    /** Another alarm covers the same event. */
    DUPLICATE("duplicate");

    private final String code;

    AlarmOutcome(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static Optional<AlarmOutcome> of(String code) {
        return Arrays.stream(values()).filter(outcome -> outcome.code.equals(code)).findFirst();
    }
}

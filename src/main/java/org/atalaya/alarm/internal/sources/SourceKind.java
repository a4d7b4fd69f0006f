package org.atalaya.alarm.internal.sources;

import java.util.Arrays;
import java.util.Locale;

/** How an external source reaches us. */
enum SourceKind {
    WEBHOOK("webhook", "Webhook", "panic"),
    MQTT("mqtt", "MQTT", "sensor");

    private final String value;
    private final String label;
    private final String defaultAlarmType;

    SourceKind(String value, String label, String defaultAlarmType) {
        this.value = value;
        this.label = label;
        this.defaultAlarmType = defaultAlarmType;
    }

    /** As stored and as the API spells it. */
    String value() {
        return value;
    }

    /** How the kind begins an alarm's source, e.g. "MQTT door-3". */
    String label() {
        return label;
    }

    /** The alarm type a new source of this kind raises unless told otherwise. */
    String defaultAlarmType() {
        return defaultAlarmType;
    }

    /** @throws AlarmSourceProblem when the text names no kind */
    static SourceKind of(String text) {
        if (text == null || text.isBlank()) throw AlarmSourceProblem.invalid("kindMissing",
                "kind: say whether the source is a webhook or mqtt.");
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.value.equals(wanted)).findFirst()
                .orElseThrow(() -> AlarmSourceProblem.invalid("kindUnknown",
                        "kind: must be webhook or mqtt, not " + text + ".", text));
    }
}

package org.atalaya.camera.internal;

import java.util.Locale;

enum RecordingMode {
    CONTINUOUS, OFF;

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RecordingMode of(String value) {
        for (RecordingMode mode : values()) {
            if (mode.value().equals(value)) return mode;
        }
        throw CameraProblem.invalid("recordingMode",
                "recordingMode: must be \"continuous\" or \"off\", not \"" + value + "\".", value);
    }
}

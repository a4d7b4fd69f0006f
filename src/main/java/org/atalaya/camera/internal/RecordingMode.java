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
        throw new CameraProblem(org.springframework.http.HttpStatus.BAD_REQUEST,
                "recordingMode: must be \"continuous\" or \"off\", not \"" + value + "\".");
    }
}

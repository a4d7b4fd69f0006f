package org.atalaya.camera.internal;

import java.time.Instant;

/** A camera as stored, without its password (only whether it has one). */
record Camera(long id, String name, String mainUrl, String subUrl, String username, boolean hasPassword,
              Double latitude, Double longitude, Double headingDeg, Double fovDeg, Double rangeM,
              String cameraGroup, String purpose, String legalBasis, int retentionDays, RecordingMode recordingMode,
              boolean enabled, Instant createdAt, Instant updatedAt) {

    static final String NOT_RECORDABLE_WITHOUT_PURPOSE =
            "purpose and legal basis are required before a camera records";

    boolean recordable() {
        return whyNotRecordable() == null;
    }

    /** Why the camera does not record, in plain words; {@code null} when it does. */
    String whyNotRecordable() {
        if (!enabled) return "the camera is disabled";
        if (recordingMode == RecordingMode.OFF) return "recording is off for this camera";
        if (purpose.isBlank() || legalBasis.isBlank()) return NOT_RECORDABLE_WITHOUT_PURPOSE;
        return null;
    }
}

package org.atalaya.camera.internal;

import java.time.Instant;

/**
 * A camera as stored, without its password (only whether it has one).
 *
 * @param analysed whether its video is analysed for motion and tampering
 */
record Camera(long id, String name, String mainUrl, String subUrl, String username, boolean hasPassword,
              Double latitude, Double longitude, Double headingDeg, Double fovDeg, Double rangeM,
              String cameraGroup, String purpose, String legalBasis, int retentionDays, RecordingMode recordingMode,
              boolean enabled, boolean analysed, Instant createdAt, Instant updatedAt, ObservedStatus status) {

    static final String NOT_RECORDABLE_WITHOUT_PURPOSE =
            "purpose and legal basis are required before a camera records";

    boolean recordable() {
        return whyNotRecordable() == null;
    }

    /** Why the camera does not record, in plain words; {@code null} when it does. */
    String whyNotRecordable() {
        String reason = notRecordableReason();
        return switch (reason == null ? "" : reason) {
            case "disabled" -> "the camera is disabled";
            case "off" -> "recording is off for this camera";
            case "purpose" -> NOT_RECORDABLE_WITHOUT_PURPOSE;
            default -> null;
        };
    }

    /** {@code disabled}, {@code off} or {@code purpose} (the console translates it); {@code null} when it records. */
    String notRecordableReason() {
        if (!enabled) return "disabled";
        if (recordingMode == RecordingMode.OFF) return "off";
        if (purpose.isBlank() || legalBasis.isBlank()) return "purpose";
        return null;
    }
}

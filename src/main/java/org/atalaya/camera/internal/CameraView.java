package org.atalaya.camera.internal;

import java.time.Instant;

/**
 * A camera as the API shows it: never its password, only whether one is set.
 *
 * @param recordable        enabled, recording continuously, and with a purpose and legal basis
 * @param notRecordableReason why {@code recordable} is false, in plain words; {@code null} when it is true
 */
record CameraView(long id, String name, String mainUrl, String subUrl, String username, boolean passwordSet,
                  Double latitude, Double longitude, Double headingDeg, Double fovDeg, Double rangeM,
                  String cameraGroup, String purpose, String legalBasis, int retentionDays, String recordingMode,
                  boolean enabled, boolean recordable, String notRecordableReason, Instant createdAt,
                  Instant updatedAt) {

    static CameraView of(Camera camera) {
        return new CameraView(camera.id(), camera.name(), camera.mainUrl(), camera.subUrl(), camera.username(),
                camera.hasPassword(), camera.latitude(), camera.longitude(), camera.headingDeg(), camera.fovDeg(),
                camera.rangeM(), camera.cameraGroup(), camera.purpose(), camera.legalBasis(),
                camera.retentionDays(), camera.recordingMode().value(), camera.enabled(), camera.recordable(),
                camera.whyNotRecordable(), camera.createdAt(), camera.updatedAt());
    }
}

package org.atalaya.camera.internal;

import java.time.Instant;
import java.util.Locale;

/**
 * A camera as the API shows it: never its password, only whether one is set.
 *
 * @param analytics           whether its video is analysed for motion and tampering
 * @param recordable          enabled, recording continuously, and with a purpose and legal basis
 * @param notRecordableReason why {@code recordable} is false, in plain words; {@code null} when it is true
 * @param status              {@code online}, {@code offline}, {@code error} or {@code idle}
 * @param statusSince         when it took that status; {@code null} before its first report
 * @param statusProblem       what is wrong, in words, when offline or in error
 * @param statusProblemKind   its kind, e.g. {@code UNREACHABLE} or {@code WRONG_CREDENTIALS}
 */
record CameraView(long id, String name, String mainUrl, String subUrl, String username, boolean passwordSet,
                  Double latitude, Double longitude, Double headingDeg, Double fovDeg, Double rangeM,
                  String cameraGroup, String purpose, String legalBasis, int retentionDays, String recordingMode,
                  boolean enabled, boolean analytics, boolean recordable, String notRecordableReason, String status,
                  Instant statusSince, String statusProblem, String statusProblemKind, Instant createdAt,
                  Instant updatedAt) {

    static CameraView of(Camera camera) {
        return new CameraView(camera.id(), camera.name(), camera.mainUrl(), camera.subUrl(), camera.username(),
                camera.hasPassword(), camera.latitude(), camera.longitude(), camera.headingDeg(), camera.fovDeg(),
                camera.rangeM(), camera.cameraGroup(), camera.purpose(), camera.legalBasis(),
                camera.retentionDays(), camera.recordingMode().value(), camera.enabled(), camera.analysed(),
                camera.recordable(),
                camera.whyNotRecordable(), camera.status().status().name().toLowerCase(Locale.ROOT),
                camera.status().since(), camera.status().problem(), camera.status().problemKind(),
                camera.createdAt(), camera.updatedAt());
    }
}

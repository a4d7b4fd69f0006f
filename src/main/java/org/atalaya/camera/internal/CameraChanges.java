package org.atalaya.camera.internal;

/**
 * What a create or change request says about a camera; on a change, a {@code null} field keeps its value. An
 * empty {@code subUrl}, {@code username} or {@code password} removes it.
 */
record CameraChanges(String name, String mainUrl, String subUrl, String username, String password,
                     Double latitude, Double longitude, Double headingDeg, Double fovDeg, Double rangeM,
                     String cameraGroup, String purpose, String legalBasis, Integer retentionDays,
                     String recordingMode) {

    /** Without the password, so that the request can be shown or logged. */
    @Override
    public String toString() {
        return "CameraChanges[name=" + name + ", password=" + (password == null ? "unchanged" : "***") + "]";
    }
}

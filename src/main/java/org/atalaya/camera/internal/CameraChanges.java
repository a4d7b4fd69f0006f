package org.atalaya.camera.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Set;

/**
 * What a create or change request says about a camera; on a change, a {@code null} field keeps its value. An
 * empty {@code subUrl}, {@code username} or {@code password} removes it; a place or view field named in
 * {@code cleared} is removed.
 *
 * @param analytics whether the camera's video is analysed for motion and tampering
 * @param cleared   which of {@link #CLEARABLE} the request empties (JSON {@code null} in the API, a blank field in the
 *                  console's form)
 */
record CameraChanges(String name, String mainUrl, String subUrl, String username, String password,
                     Double latitude, Double longitude, Double headingDeg, Double fovDeg, Double rangeM,
                     String cameraGroup, String purpose, String legalBasis, Integer retentionDays,
                     String recordingMode, Boolean analytics, @JsonIgnore Set<String> cleared) {

    /** The optional numbers of a camera's place and view. */
    static final Set<String> CLEARABLE = Set.of("latitude", "longitude", "headingDeg", "fovDeg", "rangeM");

    CameraChanges {
        cleared = cleared == null ? Set.of() : Set.copyOf(cleared);
    }

    CameraChanges clearing(Set<String> fields) {
        return new CameraChanges(name, mainUrl, subUrl, username, password, latitude, longitude, headingDeg, fovDeg,
                rangeM, cameraGroup, purpose, legalBasis, retentionDays, recordingMode, analytics, fields);
    }

    /** Without the password, so that the request can be shown or logged. */
    @Override
    public String toString() {
        return "CameraChanges[name=" + name + ", password=" + (password == null ? "unchanged" : "***") + "]";
    }
}

package org.atalaya.camera;

/**
 * What other modules may know of a camera: never its address or credentials (see {@link CameraInputs}).
 *
 * @param recordable    whether it records now: enabled, recording mode continuous, purpose and legal basis filled in
 * @param retentionDays how long its recordings are kept
 * @param latitude      WGS 84 degrees, or null when it has not been placed
 * @param headingDeg    the direction it looks, degrees clockwise from north, or null
 * @param fovDeg        its horizontal field of view in degrees, or null
 * @param rangeM        how far it usefully sees in metres, or null
 * @param hasSubStream  whether it offers a second, smaller stream for small live tiles
 * @param analysed      whether its video is analysed for motion and tampering (its stream process then also
 *                      decodes gray frames, see {@link CameraStreamProcesses})
 */
public record RegisteredCamera(long id, String name, String cameraGroup, boolean enabled, boolean recordable,
                               int retentionDays, Double latitude, Double longitude, Double headingDeg, Double fovDeg,
                               Double rangeM, boolean hasSubStream, boolean analysed) {

    /** How audit entries name a camera: {@code camera:<id> <name>}. */
    public static String auditTarget(long id, String name) {
        return "camera:" + id + " " + name;
    }

    public String auditTarget() {
        return auditTarget(id, name);
    }
}

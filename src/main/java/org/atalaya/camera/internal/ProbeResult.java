package org.atalaya.camera.internal;

/**
 * What probing a camera's main stream found.
 *
 * @param ok      whether a usable video stream answered
 * @param codec   e.g. {@code h264}; {@code null} when nothing answered
 * @param width   in pixels
 * @param height  in pixels
 * @param fps     frames per second as the camera announces them
 * @param bitrate bits per second, when the camera announces it
 * @param problem the kind of failure (a {@link org.atalaya.media.StreamProblem} name), {@code null} when ok
 * @param message the failure in plain words, {@code null} when ok
 */
record ProbeResult(boolean ok, String codec, Integer width, Integer height, Double fps, Long bitrate,
                   String problem, String message) {

    static ProbeResult found(String codec, int width, int height, Double fps, Long bitrate) {
        return new ProbeResult(true, codec, width, height, fps, bitrate, null, null);
    }

    static ProbeResult failed(org.atalaya.media.StreamProblem problem, String message) {
        return new ProbeResult(false, null, null, null, null, null, problem.name(), message);
    }
}

package org.atalaya.camera;

import java.util.Optional;

/** Opens cameras for ffmpeg, credentials included. Only the modules that run ffmpeg on a camera use this. */
public interface CameraInputs {

    /**
     * Prepares one ffmpeg run on the camera's main stream.
     *
     * @throws java.util.NoSuchElementException if there is no such camera
     */
    CameraInput open(long cameraId);

    /**
     * Prepares one ffmpeg run on the camera's sub-stream (the smaller one for small live tiles), if it has one.
     *
     * @throws java.util.NoSuchElementException if there is no such camera
     */
    Optional<CameraInput> openSubStream(long cameraId);
}

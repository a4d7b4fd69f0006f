package org.atalaya.recording;

import java.time.Instant;

/**
 * Where a camera's recording stands.
 *
 * @param since  when it entered {@code state}; null when it was never recorded since the application started
 * @param reason why it is reconnecting, in words; null otherwise
 */
public record RecordingStatus(long cameraId, State state, Instant since, String reason) {

    public enum State {
        /** ffmpeg is running and its video is written to segments. */
        RECORDING,
        /** The last run ended; ffmpeg starts again shortly. */
        RECONNECTING,
        /** Not recording, by request or because it was never started. */
        STOPPED
    }
}

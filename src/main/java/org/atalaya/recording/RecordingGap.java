package org.atalaya.recording;

import java.time.Instant;

/**
 * A stretch of time in which a camera that should have been recording was not.
 *
 * @param startedAt the end of the last recorded fragment before the gap
 * @param endedAt   when the first fragment after the gap arrived
 * @param reason    why recording stopped, in words
 */
public record RecordingGap(long cameraId, Instant startedAt, Instant endedAt, String reason) {
}

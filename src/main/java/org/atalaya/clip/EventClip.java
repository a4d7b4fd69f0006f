package org.atalaya.clip;

import java.time.Instant;

/**
 * A clip of one camera around an event.
 *
 * @param eventRef what it belongs to, e.g. {@code alarm:42}
 * @param from     the first instant it covers (its first keyframe), or the instant asked for while pending
 * @param to       the last instant it covers, or the instant asked for while pending
 * @param problem  why it is unavailable, in words; null otherwise
 */
public record EventClip(long id, long cameraId, String eventRef, Instant from, Instant to, State state,
                        String problem) {

    public enum State {
        /** Still collecting the video after the event. */
        PENDING,
        READY,
        /** Could not be made (camera not connected, stream ended), see {@code problem}. */
        UNAVAILABLE
    }
}

package org.atalaya.camera.internal;

import java.time.Instant;
import org.atalaya.camera.CameraStatus;

/**
 * A camera's status as last reported by its reader.
 *
 * @param since   when it took this status; null when no reader has reported yet
 * @param problem     what is wrong, in words; null when nothing is
 * @param problemKind a {@link org.atalaya.media.StreamProblem} name, for the console to word; null when none
 */
record ObservedStatus(CameraStatus status, Instant since, String problem, String problemKind) {

    static final ObservedStatus NOT_REPORTED = new ObservedStatus(CameraStatus.IDLE, null, null, null);
}

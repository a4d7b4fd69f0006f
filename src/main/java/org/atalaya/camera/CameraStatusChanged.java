package org.atalaya.camera;

import java.time.Instant;
import org.atalaya.media.StreamProblem;

/**
 * A camera's {@link CameraStatus} changed.
 *
 * @param since   when it changed
 * @param problem     what is wrong, in words (e.g. "wrong credentials (401 Unauthorized)"); null when online or idle
 * @param problemKind the kind of problem, for wording it in other languages; null when online or idle
 */
public record CameraStatusChanged(long cameraId, CameraStatus status, Instant since, String problem,
                                  StreamProblem problemKind) {
}

package org.atalaya.live.internal;

import java.util.List;

/**
 * What the console's player needs before it opens a camera's live stream.
 *
 * @param status    the camera's status as its recorder last reported it ({@code online}, {@code offline},
 *                  {@code error}, {@code idle}); null when it has not reported
 * @param problem   what is wrong, in words; null when nothing is
 * @param recording whether the camera is being recorded now (or reconnecting to go on recording)
 * @param streams   the streams a viewer may ask for: {@code main}, and {@code sub} when the camera has one
 */
record LiveInfo(long cameraId, String name, String status, String problem, boolean recording,
                List<String> streams) {
}

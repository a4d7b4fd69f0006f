package org.atalaya.analytics.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.atalaya.camera.GrayFrame;
import org.springframework.stereotype.Component;

/** The latest analytics frame of each analysed camera, for drawing zones on a current picture. */
@Component
class LatestFrames {

    private final Map<Long, GrayFrame> latest = new ConcurrentHashMap<>();

    void put(long cameraId, GrayFrame frame) {
        latest.put(cameraId, frame);
    }

    Optional<GrayFrame> latest(long cameraId) {
        return Optional.ofNullable(latest.get(cameraId));
    }

    void forget(long cameraId) {
        latest.remove(cameraId);
    }
}

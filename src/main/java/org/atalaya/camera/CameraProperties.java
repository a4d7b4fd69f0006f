package org.atalaya.camera;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the camera registry reaches cameras.
 *
 * @param runDirectory where the short-lived files that hand camera credentials to ffprobe are written (mode 0700
 *                     folder, 0600 files; see ADR 16); emptied at start-up
 * @param probeTimeout how long a probe of a camera may take before it is given up as timed out
 */
@ConfigurationProperties("atalaya.camera")
public record CameraProperties(String runDirectory, Duration probeTimeout) {

    public CameraProperties {
        if (runDirectory == null || runDirectory.isBlank()) runDirectory = "data/run/camera";
        if (probeTimeout == null || probeTimeout.isNegative() || probeTimeout.isZero()) {
            probeTimeout = Duration.ofSeconds(15);
        }
    }
}

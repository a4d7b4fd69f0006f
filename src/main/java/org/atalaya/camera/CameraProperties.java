package org.atalaya.camera;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the camera registry reaches cameras, and how an analysed camera's stream process decodes its gray frames.
 *
 * @param runDirectory           where the short-lived files that hand camera credentials to ffprobe and ffmpeg are
 *                               written, and the FIFOs that carry analysed cameras' gray frames (mode 0700 folder,
 *                               0600 files; see ADR 16); emptied at start-up
 * @param probeTimeout           how long a probe of a camera may take before it is given up as timed out
 * @param analyticsFps           gray frames per second decoded for analytics from each analysed camera (1 to 30;
 *                               default 5); ignored when {@code analyticsKeyframesOnly}
 * @param analyticsWidth         the width in pixels of those frames, the height following the picture's shape
 *                               (32 to 1920; default 320)
 * @param analyticsKeyframesOnly decode only the stream's keyframes for analytics (typically one a second or two): a
 *                               fraction of the decoding cost, for high-resolution main streams on small servers, at
 *                               the price of slower and coarser detection
 */
@ConfigurationProperties("atalaya.camera")
public record CameraProperties(String runDirectory, Duration probeTimeout, int analyticsFps, int analyticsWidth,
                               boolean analyticsKeyframesOnly) {

    public CameraProperties {
        if (runDirectory == null || runDirectory.isBlank()) runDirectory = "data/run/camera";
        if (probeTimeout == null || probeTimeout.isNegative() || probeTimeout.isZero()) {
            probeTimeout = Duration.ofSeconds(15);
        }
        if (analyticsFps <= 0) analyticsFps = 5;
        if (analyticsFps > 30) throw new IllegalArgumentException("atalaya.camera.analytics-fps: at most 30");
        if (analyticsWidth <= 0) analyticsWidth = 320;
        if (analyticsWidth < 32 || analyticsWidth > 1920) {
            throw new IllegalArgumentException("atalaya.camera.analytics-width: from 32 to 1920 pixels");
        }
    }
}

package org.atalaya.camera.internal;

import java.util.List;
import org.atalaya.camera.CameraInput;

/**
 * The demo's synthetic cameras: ffmpeg's {@code testsrc2} pattern (a moving picture with a running clock), encoded
 * small by the server itself so that it goes through the same recording pipeline as a real camera. Only the demo
 * creates them; the API accepts RTSP addresses alone.
 */
final class SyntheticSource {

    static final String URL = "lavfi:testsrc2";
    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final int FPS = 15;
    private static final int BITRATE = 400_000;

    private SyntheticSource() {
    }

    static boolean isSynthetic(String mainUrl) {
        return URL.equals(mainUrl);
    }

    /** Paced at real time ({@code -re}) with a keyframe every two seconds. */
    static CameraInput input() {
        return new CameraInput(
                List.of("-re", "-f", "lavfi", "-i", "testsrc2=size=" + WIDTH + "x" + HEIGHT + ":rate=" + FPS),
                List.of("-c:v", "libopenh264", "-b:v", String.valueOf(BITRATE), "-g", String.valueOf(2 * FPS)),
                null);
    }

    /** What a probe reports: what {@link #input()} produces, since there is no camera to ask. */
    static ProbeResult probeResult() {
        return ProbeResult.found("h264", WIDTH, HEIGHT, (double) FPS, (long) BITRATE);
    }
}

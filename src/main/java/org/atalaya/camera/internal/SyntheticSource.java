package org.atalaya.camera.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.atalaya.camera.CameraInput;

/**
 * The demo's synthetic cameras, drawn and encoded small by the server itself so that they go through the same
 * pipeline as real cameras: ffmpeg's busy {@code testsrc2} pattern (a moving picture with a running clock), and two
 * still scenes for analytics — one that an object crosses every 40 s (motion), one that is covered for 20 s every
 * three minutes (tampering). Only the demo creates them; the API accepts RTSP addresses alone.
 */
enum SyntheticSource {

    BUSY_PATTERN("lavfi:testsrc2", "testsrc2=size=" + Scene.WIDTH + "x" + Scene.HEIGHT + ":rate=" + Scene.FPS),
    PASSING_OBJECT("lavfi:passing-object", Scene.STILL + "[street];color=c=0xd8d0b0:size=90x50:rate=" + Scene.FPS
            + "[object];[street][object]overlay=x='mod(t,40)*45-90':y=160:enable='lt(mod(t,40),17)'"),
    COVERED_NOW_AND_THEN("lavfi:covered-now-and-then", Scene.STILL
            + ",drawbox=x=0:y=0:w=iw:h=ih:color=0x101010:t=fill:enable='between(mod(t,180),60,80)'");

    private static final int BITRATE = 400_000;

    /**
     * A quiet street seen from above: a road, a grid of paving, two buildings; nothing moves. (An overlay moves the
     * passing object: {@code drawbox} evaluates its position once.)
     */
    private static final class Scene {
        static final int WIDTH = 640;
        static final int HEIGHT = 360;
        static final int FPS = 15;
        static final String STILL = "color=c=0x2a3440:size=" + WIDTH + "x" + HEIGHT + ":rate=" + FPS
                + ",drawbox=x=0:y=150:w=" + WIDTH + ":h=70:color=0x1e252d:t=fill"
                + ",drawgrid=w=80:h=60:t=1:c=0x3c4856"
                + ",drawbox=x=420:y=230:w=150:h=100:color=0x5f6e48:t=fill"
                + ",drawbox=x=60:y=40:w=110:h=90:color=0x7a5e4e:t=fill";
    }

    private final String url;
    private final String filterGraph;

    SyntheticSource(String url, String filterGraph) {
        this.url = url;
        this.filterGraph = filterGraph;
    }

    /** The camera address that stands for this source. */
    String url() {
        return url;
    }

    static Optional<SyntheticSource> of(String mainUrl) {
        return Arrays.stream(values()).filter(source -> source.url.equals(mainUrl)).findFirst();
    }

    /** Paced at real time ({@code -re}) with a keyframe every two seconds. */
    CameraInput input() {
        return new CameraInput(List.of("-re", "-f", "lavfi", "-i", filterGraph),
                List.of("-c:v", "libopenh264", "-b:v", String.valueOf(BITRATE), "-g", String.valueOf(2 * Scene.FPS)),
                null);
    }

    /** What a probe reports: what {@link #input()} produces, since there is no camera to ask. */
    static ProbeResult probeResult() {
        return ProbeResult.found("h264", Scene.WIDTH, Scene.HEIGHT, (double) Scene.FPS, (long) BITRATE);
    }
}

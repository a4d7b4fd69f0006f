package org.atalaya.analytics.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.atalaya.camera.GrayFrame;
import org.atalaya.media.FfmpegForTests;

/**
 * Gray analytics frames made by the real ffmpeg from a lavfi scene and a filter chain, 320x180 at 5 frames per
 * second, stamped from their index (no waiting): frame {@code i} is at {@link #START} plus {@code i * 200 ms}.
 */
final class RenderedFrames {

    static final int WIDTH = 320;
    static final int HEIGHT = 180;
    static final int FRAMES_PER_SECOND = 5;
    /** A Monday afternoon in UTC. */
    static final Instant START = Instant.parse("2026-03-02T15:00:00Z");

    /** A still colour-bar picture. */
    static final String STILL_SCENE = "smptebars=size=320x180:rate=5";
    /** A busy picture with moving parts and a running clock. */
    static final String BUSY_SCENE = "testsrc2=size=320x180:rate=5";
    /**
     * A white 40x40 box crossing the picture at 60 pixels a second from 5 to 8 seconds, rows 60 to 100 (drawn with
     * {@code geq}, which is evaluated at every frame; {@code drawbox} positions are evaluated once).
     */
    static final String BOX_CROSSING = movingBox("between(T,5,8)", "(T-5)*60", 60);

    /**
     * A white 40x40 box at rows {@code top} to {@code top + 40}, its left edge at {@code left} (an expression of T,
     * the time in seconds), shown while {@code when} (an expression of T) is true.
     */
    static String movingBox(String when, String left, int top) {
        return "format=gray,geq=lum='if((" + when + ")*between(X," + left + "," + left + "+40)*between(Y," + top + ","
                + (top + 40) + "),255,lum(X,Y))'";
    }

    private RenderedFrames() {
    }

    /** {@code seconds} of {@code scene} passed through {@code filters} (an ffmpeg filter chain, or null for none). */
    static List<GrayFrame> render(String scene, String filters, int seconds) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-f", "lavfi", "-i", scene));
        if (filters != null) arguments.addAll(List.of("-vf", filters));
        arguments.addAll(List.of("-t", Integer.toString(seconds), "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1"));
        byte[] video = FfmpegForTests.run(arguments.toArray(String[]::new));
        int frameSize = WIDTH * HEIGHT;
        List<GrayFrame> frames = new ArrayList<>();
        for (int i = 0; (i + 1) * frameSize <= video.length; i++) {
            frames.add(new GrayFrame(WIDTH, HEIGHT, Arrays.copyOfRange(video, i * frameSize, (i + 1) * frameSize),
                    at(i)));
        }
        if (frames.size() != seconds * FRAMES_PER_SECOND) {
            throw new IllegalStateException("ffmpeg made " + frames.size() + " frames, not " + seconds * 5);
        }
        return frames;
    }

    static Instant at(int frameIndex) {
        return START.plus(Duration.ofMillis(1000L / FRAMES_PER_SECOND * frameIndex));
    }

    static Instant atSecond(double seconds) {
        return START.plus(Duration.ofMillis(Math.round(seconds * 1000)));
    }
}

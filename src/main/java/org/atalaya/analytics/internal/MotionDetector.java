package org.atalaya.analytics.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.atalaya.analytics.MotionDetected;
import org.atalaya.camera.GrayFrame;

/**
 * Finds motion in one camera's frames. Keeps a running-average background of the picture, compares each frame with
 * it block by block (a 2x2 block counts as changed when three of its four pixels differ by more than the zone's
 * threshold, which ignores lone noisy pixels), and measures the changed share of each detect zone. A zone moves when
 * that share reaches its minimum area; motion counts when it lasts the minimum duration, and is published once per
 * episode: the episode ends only after the quiet period passes without motion.
 *
 * <p>Light that changes the whole picture at once (lamps, auto-exposure, clouds) is not motion: each frame's typical
 * change is subtracted from every pixel, and a frame that still changed almost everywhere, or whose light shifted a
 * lot, becomes the new background at once (covering the camera is for the tamper detector to judge).
 */
final class MotionDetector {

    /** The background's time constant where the picture is still: about 0.05 of each new frame at 5 fps. */
    private static final double BACKGROUND_SECONDS = 4.0;
    /**
     * Where the picture changes the background learns this many times more slowly, so movers do not burn in; no more,
     * so that an object that stops (a parked car) becomes part of the scene within about 15 s and ends the episode.
     */
    private static final double MOVING_SLOWDOWN = 2.0;
    /** A pixel whose difference exceeds this is treated as moving for the background update. */
    private static final int MOVING_PIXEL_DIFFERENCE = 20;
    /** A frame changed in more than this share of its blocks is a change of light, not motion. */
    private static final double LIGHT_CHANGE_SHARE = 0.80;
    /** A frame whose typical pixel got this much brighter or darker is a change of light, not motion. */
    private static final int LIGHT_CHANGE_SHIFT = 25;
    /** The block difference above which a block counts towards the light-change share. */
    private static final int LIGHT_CHANGE_BLOCK_DIFFERENCE = 20;
    /** Moving zones may miss a frame or two (a mover between blocks) without their motion starting over. */
    private static final Duration DROPOUT_TOLERANCE = Duration.ofMillis(600);
    /** A frame arriving after a longer gap starts the background over. */
    private static final Duration STALE_BACKGROUND = Duration.ofSeconds(10);

    private final long cameraId;
    private final Duration quietPeriod;

    private int width;
    private int height;
    private float[] background;
    private byte[] blockChange;
    private final int[] shiftHistogram = new int[511];
    private Instant lastFrameAt;

    private ZoneMask mask;
    private Instant[] zoneMovingSince;
    private Instant[] zoneLastMoved;

    private boolean episodeOpen;
    private Instant lastMotionAt;

    MotionDetector(long cameraId, Duration quietPeriod) {
        this.cameraId = cameraId;
        this.quietPeriod = quietPeriod;
    }

    /**
     * Takes the next frame (frames come in order). Returns the motion that began an episode with this frame, when
     * {@code armed} is true; while disarmed the background keeps learning but nothing is reported.
     */
    Optional<MotionDetected> analyse(GrayFrame frame, List<Zone> zones, Duration minDuration, boolean armed) {
        Instant at = frame.at();
        boolean fresh = background == null || width != frame.width() || height != frame.height()
                || lastFrameAt == null || Duration.between(lastFrameAt, at).compareTo(STALE_BACKGROUND) > 0
                || at.isBefore(lastFrameAt);
        if (fresh) {
            start(frame);
        }
        if (mask == null || !mask.fits(zones, width, height)) {
            mask = ZoneMask.of(zones, width, height);
            zoneMovingSince = new Instant[mask.detectZones().size()];
            zoneLastMoved = new Instant[mask.detectZones().size()];
        }
        if (fresh) {
            return Optional.empty();
        }
        double secondsSinceLast = Duration.between(lastFrameAt, at).toNanos() / 1e9;
        lastFrameAt = at;
        boolean lightChanged = compare(frame.pixels(), secondsSinceLast);
        if (lightChanged) {
            copyToBackground(frame.pixels());
        }
        return judge(at, lightChanged, minDuration, armed);
    }

    /** Forgets the background and any motion under way: the next frame starts over. */
    void reset() {
        background = null;
        lastFrameAt = null;
        zoneMovingSince = mask == null ? null : new Instant[mask.detectZones().size()];
        zoneLastMoved = mask == null ? null : new Instant[mask.detectZones().size()];
        episodeOpen = false;
        lastMotionAt = null;
    }

    private void start(GrayFrame frame) {
        width = frame.width();
        height = frame.height();
        background = new float[width * height];
        blockChange = new byte[ZoneMask.blocksAcross(width) * ZoneMask.blocksDown(height)];
        copyToBackground(frame.pixels());
        lastFrameAt = frame.at();
        mask = null;
        episodeOpen = false;
        lastMotionAt = null;
    }

    private void copyToBackground(byte[] pixels) {
        for (int i = 0; i < pixels.length; i++) {
            background[i] = pixels[i] & 0xFF;
        }
    }

    /**
     * Fills {@link #blockChange} with each block's light-compensated difference from the background and updates the
     * background. Returns whether the frame changed as a whole (a change of light).
     */
    private boolean compare(byte[] pixels, double secondsSinceLast) {
        int shift = typicalShift(pixels);
        float stillRate = (float) (1 - Math.exp(-secondsSinceLast / BACKGROUND_SECONDS));
        float movingRate = (float) (1 - Math.exp(-secondsSinceLast / (BACKGROUND_SECONDS * MOVING_SLOWDOWN)));
        int across = ZoneMask.blocksAcross(width);
        int down = ZoneMask.blocksDown(height);
        int changedBlocks = 0;
        for (int by = 0; by < down; by++) {
            int top = by * 2 * width;
            for (int bx = 0; bx < across; bx++) {
                int first = top + bx * 2;
                int a = updatePixel(pixels, first, shift, stillRate, movingRate);
                int b = updatePixel(pixels, first + 1, shift, stillRate, movingRate);
                int c = updatePixel(pixels, first + width, shift, stillRate, movingRate);
                int d = updatePixel(pixels, first + width + 1, shift, stillRate, movingRate);
                int change = secondSmallest(a, b, c, d);
                blockChange[by * across + bx] = (byte) Math.min(change, 255);
                if (change > LIGHT_CHANGE_BLOCK_DIFFERENCE) changedBlocks++;
            }
        }
        return Math.abs(shift) > LIGHT_CHANGE_SHIFT || changedBlocks > LIGHT_CHANGE_SHARE * across * down;
    }

    /** The median brightness change of the frame against the background: what light did to every pixel. */
    private int typicalShift(byte[] pixels) {
        Arrays.fill(shiftHistogram, 0);
        for (int i = 0; i < pixels.length; i++) {
            shiftHistogram[(pixels[i] & 0xFF) - (int) background[i] + 255]++;
        }
        int half = pixels.length / 2;
        int seen = 0;
        for (int bin = 0; bin < shiftHistogram.length; bin++) {
            seen += shiftHistogram[bin];
            if (seen > half) return bin - 255;
        }
        return 0;
    }

    /** Returns the pixel's compensated difference and moves the background towards it. */
    private int updatePixel(byte[] pixels, int index, int shift, float stillRate, float movingRate) {
        int value = pixels[index] & 0xFF;
        float model = background[index];
        int difference = Math.abs(value - shift - (int) model);
        background[index] = model + (value - model) * (difference > MOVING_PIXEL_DIFFERENCE ? movingRate : stillRate);
        return difference;
    }

    /** The second smallest of four: at least three of the four are at least this large. */
    private static int secondSmallest(int a, int b, int c, int d) {
        int low1 = Math.min(a, b);
        int high1 = Math.max(a, b);
        int low2 = Math.min(c, d);
        int high2 = Math.max(c, d);
        return Math.min(Math.max(low1, low2), Math.min(high1, high2));
    }

    private Optional<MotionDetected> judge(Instant at, boolean lightChanged, Duration minDuration, boolean armed) {
        List<ZoneMask.MaskedZone> zones = mask.detectZones();
        boolean anyMoving = false;
        MotionDetected found = null;
        for (int z = 0; z < zones.size(); z++) {
            ZoneMask.MaskedZone zone = zones.get(z);
            double share = lightChanged ? 0 : changedPercent(zone);
            if (share > 0 && share >= zone.minAreaPercent()) {
                anyMoving = true;
                boolean continues = zoneLastMoved[z] != null
                        && Duration.between(zoneLastMoved[z], at).compareTo(DROPOUT_TOLERANCE) <= 0;
                if (!continues) zoneMovingSince[z] = at;
                zoneLastMoved[z] = at;
                boolean lastedLongEnough = Duration.between(zoneMovingSince[z], at).compareTo(minDuration) >= 0;
                if (found == null && !episodeOpen && armed && lastedLongEnough) {
                    found = new MotionDetected(cameraId, zoneMovingSince[z], zone.name(), Math.round(share * 10) / 10.0);
                }
            } else if (zoneLastMoved[z] != null
                    && Duration.between(zoneLastMoved[z], at).compareTo(DROPOUT_TOLERANCE) > 0) {
                zoneMovingSince[z] = null;
                zoneLastMoved[z] = null;
            }
        }
        if (anyMoving) {
            lastMotionAt = at;
        } else if (episodeOpen && Duration.between(lastMotionAt, at).compareTo(quietPeriod) >= 0) {
            episodeOpen = false;
        }
        if (found != null) {
            episodeOpen = true;
        }
        return Optional.ofNullable(found);
    }

    private double changedPercent(ZoneMask.MaskedZone zone) {
        int[] blocks = zone.blocks();
        if (blocks.length == 0) return 0;
        int threshold = zone.threshold();
        int changed = 0;
        for (int block : blocks) {
            if ((blockChange[block] & 0xFF) > threshold) changed++;
        }
        return changed * 100.0 / blocks.length;
    }
}

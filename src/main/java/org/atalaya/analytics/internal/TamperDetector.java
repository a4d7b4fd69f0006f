package org.atalaya.analytics.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.atalaya.analytics.TamperDetected;
import org.atalaya.analytics.TamperKind;
import org.atalaya.camera.GrayFrame;

/**
 * Finds a camera that was covered, defocused or moved. It first learns the camera's normal picture (mean
 * brightness, detail as the standard deviation of luma, sharpness as the mean absolute Laplacian, and a small
 * reference picture) and then follows slow changes of it only. A condition must hold for the whole confirmation
 * time to be reported, once, and the picture must look normal for as long again before anything new is reported.
 * A moved camera's new scene becomes the reference once the move is reported.
 */
final class TamperDetector {

    static final int REFERENCE_WIDTH = 40;
    static final int REFERENCE_HEIGHT = 22;

    /** Covered: detail collapsed below this share of the baseline and below {@link #COVERED_DETAIL_FLOOR}. */
    private static final double COVERED_DETAIL_SHARE = 0.25;
    private static final double COVERED_DETAIL_FLOOR = 12;
    /** Detail this low is a uniform picture whatever the baseline (a camera that started covered). */
    private static final double UNIFORM_DETAIL = 3;
    /** Nearly black or nearly white, with less than half the usual detail: blinded or painted over. */
    private static final double NEARLY_BLACK = 16;
    private static final double NEARLY_WHITE = 240;
    private static final double BLINDED_DETAIL_SHARE = 0.5;
    /** Defocused: sharpness below this share of the baseline while at least half the detail remains. */
    private static final double DEFOCUSED_SHARPNESS_SHARE = 0.4;
    private static final double DEFOCUSED_MIN_DETAIL_SHARE = 0.5;
    /** Moved: the small picture correlates with the reference less than this (1 is the same scene). */
    private static final double MOVED_CORRELATION = 0.5;
    /**
     * Moved, confirmed: the picture at the end of the confirmation time still correlates this well with the one at
     * its start, i.e. the camera sees one other scene, not an object crossing a plain one.
     */
    private static final double STEADY_CORRELATION = 0.8;
    /** After learning, the baseline and the reference follow a normal picture this slowly. */
    private static final double BASELINE_FOLLOW_SECONDS = 600;
    private static final double REFERENCE_FOLLOW_SECONDS = 120;

    private final long cameraId;
    private final Duration confirmation;
    private final Duration learning;

    private int width;
    private int height;
    private Instant learningSince;
    private int learnedFrames;
    private double baseBrightness;
    private double baseDetail;
    private double baseSharpness;
    private final float[] reference = new float[REFERENCE_WIDTH * REFERENCE_HEIGHT];
    private final float[] small = new float[REFERENCE_WIDTH * REFERENCE_HEIGHT];
    /** Which column and which row of the reference picture each column and each row of a frame falls in. */
    private int[] referenceColumnOf;
    private int[] referenceRowOf;
    private final int[] cellSizes = new int[REFERENCE_WIDTH * REFERENCE_HEIGHT];
    /** The small picture when a move was first suspected. */
    private final float[] suspectedPicture = new float[REFERENCE_WIDTH * REFERENCE_HEIGHT];

    private TamperKind suspected;
    private Instant suspectedSince;
    private boolean reported;
    private Instant normalSince;
    private Instant lastFrameAt;

    TamperDetector(long cameraId, Duration confirmation, Duration learning) {
        this.cameraId = cameraId;
        this.confirmation = confirmation;
        this.learning = learning;
    }

    /** What one frame looks like, in the measures the baseline is made of. */
    private record Measures(double brightness, double detail, double sharpness) {
    }

    /** Takes the next frame (frames come in order); returns the tampering this frame confirmed, if any. */
    Optional<TamperDetected> analyse(GrayFrame frame) {
        Instant at = frame.at();
        if (learningSince == null || width != frame.width() || height != frame.height()) {
            startLearning(frame);
        }
        double secondsSinceLast = lastFrameAt == null ? 0
                : Math.max(0, Duration.between(lastFrameAt, at).toNanos() / 1e9);
        lastFrameAt = at;
        Measures measures = measure(frame.pixels());
        if (learning(at)) {
            learn(measures);
            return Optional.empty();
        }
        double correlation = correlation(small, reference);
        TamperKind kind = classify(measures, correlation);
        if (kind == null) {
            return whileNormal(at, measures, secondsSinceLast);
        }
        normalSince = null;
        if (kind != suspected) {
            suspect(kind, at);
        }
        if (reported || Duration.between(suspectedSince, at).compareTo(confirmation) < 0) {
            return Optional.empty();
        }
        if (kind == TamperKind.MOVED && correlation(small, suspectedPicture) < STEADY_CORRELATION) {
            suspect(kind, at);  // the picture kept changing: something moves in front of the camera
            return Optional.empty();
        }
        reported = true;
        TamperDetected detected = new TamperDetected(cameraId, suspectedSince, kind,
                describe(kind, measures, correlation));
        if (kind == TamperKind.MOVED) {
            // the camera now looks elsewhere: that is its scene from now on
            learningSince = at;
            learnedFrames = 0;
        }
        return Optional.of(detected);
    }

    private void suspect(TamperKind kind, Instant at) {
        suspected = kind;
        suspectedSince = at;
        System.arraycopy(small, 0, suspectedPicture, 0, small.length);
    }

    /** Forgets what was under way; the learned baseline stays. */
    void reset() {
        suspected = null;
        suspectedSince = null;
        normalSince = null;
        lastFrameAt = null;
        if (learnedFrames == 0) learningSince = null;
    }

    private boolean learning(Instant at) {
        return learnedFrames == 0 || Duration.between(learningSince, at).compareTo(learning) < 0;
    }

    private Optional<TamperDetected> whileNormal(Instant at, Measures measures, double secondsSinceLast) {
        suspected = null;
        suspectedSince = null;
        if (normalSince == null) normalSince = at;
        if (reported && Duration.between(normalSince, at).compareTo(confirmation) >= 0) {
            reported = false;
        }
        if (!reported) {
            follow(measures, 1 - Math.exp(-secondsSinceLast / BASELINE_FOLLOW_SECONDS),
                    1 - Math.exp(-secondsSinceLast / REFERENCE_FOLLOW_SECONDS));
        }
        return Optional.empty();
    }

    private TamperKind classify(Measures measures, double correlation) {
        double detail = measures.detail();
        boolean uniform = detail < UNIFORM_DETAIL
                || detail < COVERED_DETAIL_SHARE * baseDetail && detail < COVERED_DETAIL_FLOOR;
        boolean blinded = (measures.brightness() < NEARLY_BLACK || measures.brightness() > NEARLY_WHITE)
                && detail < BLINDED_DETAIL_SHARE * baseDetail;
        if (uniform || blinded) return TamperKind.COVERED;
        if (measures.sharpness() < DEFOCUSED_SHARPNESS_SHARE * baseSharpness
                && detail >= DEFOCUSED_MIN_DETAIL_SHARE * baseDetail) {
            return TamperKind.DEFOCUSED;
        }
        if (correlation < MOVED_CORRELATION) return TamperKind.MOVED;
        return null;
    }

    private String describe(TamperKind kind, Measures measures, double correlation) {
        return switch (kind) {
            case COVERED -> String.format(Locale.ROOT, "brightness %.0f of 255, detail %.1f against a baseline of %.1f",
                    measures.brightness(), measures.detail(), baseDetail);
            case DEFOCUSED -> String.format(Locale.ROOT,
                    "sharpness %.1f against a baseline of %.1f, detail %.1f against a baseline of %.1f",
                    measures.sharpness(), baseSharpness, measures.detail(), baseDetail);
            case MOVED -> String.format(Locale.ROOT,
                    "the picture matches the reference by %.2f (1 is the same scene, below %.2f is another one)",
                    correlation, MOVED_CORRELATION);
        };
    }

    private void startLearning(GrayFrame frame) {
        width = frame.width();
        height = frame.height();
        referenceColumnOf = new int[width];
        referenceRowOf = new int[height];
        for (int x = 0; x < width; x++) referenceColumnOf[x] = x * REFERENCE_WIDTH / width;
        for (int y = 0; y < height; y++) referenceRowOf[y] = y * REFERENCE_HEIGHT / height * REFERENCE_WIDTH;
        Arrays.fill(cellSizes, 0);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                cellSizes[referenceRowOf[y] + referenceColumnOf[x]]++;
            }
        }
        learningSince = frame.at();
        learnedFrames = 0;
        suspected = null;
        suspectedSince = null;
        reported = false;
        normalSince = null;
    }

    /** Measures the frame and fills {@link #small} with its downsampled picture. */
    private Measures measure(byte[] pixels) {
        Arrays.fill(small, 0);
        long sum = 0;
        long sumOfSquares = 0;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int referenceRow = referenceRowOf[y];
            for (int x = 0; x < width; x++) {
                int value = pixels[row + x] & 0xFF;
                sum += value;
                sumOfSquares += value * value;
                small[referenceRow + referenceColumnOf[x]] += value;
            }
        }
        for (int cell = 0; cell < small.length; cell++) {
            if (cellSizes[cell] > 0) small[cell] /= cellSizes[cell];
        }
        long laplacian = 0;
        for (int y = 1; y < height - 1; y++) {
            int row = y * width;
            for (int x = 1; x < width - 1; x++) {
                int i = row + x;
                laplacian += Math.abs(4 * (pixels[i] & 0xFF) - (pixels[i - 1] & 0xFF) - (pixels[i + 1] & 0xFF)
                        - (pixels[i - width] & 0xFF) - (pixels[i + width] & 0xFF));
            }
        }
        double count = pixels.length;
        double mean = sum / count;
        double variance = Math.max(0, sumOfSquares / count - mean * mean);
        int inner = Math.max(1, (width - 2) * (height - 2));
        return new Measures(mean, Math.sqrt(variance), laplacian / (double) inner);
    }

    private void learn(Measures measures) {
        if (measures.detail() < UNIFORM_DETAIL) return;
        learnedFrames++;
        double weight = 1.0 / learnedFrames;
        baseBrightness += (measures.brightness() - baseBrightness) * weight;
        baseDetail += (measures.detail() - baseDetail) * weight;
        baseSharpness += (measures.sharpness() - baseSharpness) * weight;
        for (int cell = 0; cell < reference.length; cell++) {
            reference[cell] += (float) ((small[cell] - reference[cell]) * weight);
        }
    }

    private void follow(Measures measures, double baselineRate, double referenceRate) {
        baseBrightness += (measures.brightness() - baseBrightness) * baselineRate;
        baseDetail += (measures.detail() - baseDetail) * baselineRate;
        baseSharpness += (measures.sharpness() - baseSharpness) * baselineRate;
        for (int cell = 0; cell < reference.length; cell++) {
            reference[cell] += (float) ((small[cell] - reference[cell]) * referenceRate);
        }
    }

    /** Normalised cross-correlation: 1 for the same picture whatever its brightness and contrast, 0 for unrelated. */
    static double correlation(float[] a, float[] b) {
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < a.length; i++) {
            meanA += a[i];
            meanB += b[i];
        }
        meanA /= a.length;
        meanB /= b.length;
        double products = 0;
        double squaresA = 0;
        double squaresB = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - meanA;
            double db = b[i] - meanB;
            products += da * db;
            squaresA += da * da;
            squaresB += db * db;
        }
        if (squaresA < 1e-6 || squaresB < 1e-6) return 0;
        return products / Math.sqrt(squaresA * squaresB);
    }
}

package org.atalaya.media.internal;

import java.util.List;
import org.atalaya.media.Mp4FormatException;
import org.atalaya.media.internal.MovieParser.Movie;
import org.atalaya.media.internal.MovieParser.TrackDefaults;

/** Reads what a {@code moof} box says about its samples: sequence, keyframe, decode time and duration. */
public final class FragmentParser {

    /**
     * @param decodeTime the {@code tfdt} time, or -1 when the fragment has none
     */
    public record FragmentTiming(long sequenceNumber, int trackId, boolean startsWithKeyframe, long decodeTime,
                                 long duration) {
    }

    private static final int TFHD_BASE_DATA_OFFSET = 0x1;
    private static final int TFHD_SAMPLE_DESCRIPTION_INDEX = 0x2;
    private static final int TFHD_DEFAULT_DURATION = 0x8;
    private static final int TFHD_DEFAULT_SIZE = 0x10;
    private static final int TFHD_DEFAULT_FLAGS = 0x20;
    private static final int TRUN_DATA_OFFSET = 0x1;
    private static final int TRUN_FIRST_SAMPLE_FLAGS = 0x4;
    private static final int TRUN_SAMPLE_DURATION = 0x100;
    private static final int TRUN_SAMPLE_SIZE = 0x200;
    private static final int TRUN_SAMPLE_FLAGS = 0x400;
    private static final int TRUN_COMPOSITION_OFFSET = 0x800;

    private FragmentParser() {
    }

    /** Describes the fragment by the traf of {@code preferredTrackId}, or by its first traf when that one is absent. */
    public static FragmentTiming parse(Box moof, Movie movie, int preferredTrackId) throws Mp4FormatException {
        long sequenceNumber = 0;
        var mfhd = moof.child("mfhd");
        if (mfhd.isPresent()) {
            BoxFields fields = mfhd.get().fields();
            fields.versionAndFlags();
            sequenceNumber = fields.u32();
        }
        List<Box> trafs = moof.children("traf");
        if (trafs.isEmpty()) throw new Mp4FormatException("the " + moof.describe() + " has no 'traf' box");
        Box chosen = trafs.getFirst();
        for (Box traf : trafs) {
            if (trackIdOf(traf) == preferredTrackId) {
                chosen = traf;
                break;
            }
        }
        return describe(chosen, movie, sequenceNumber);
    }

    private static int trackIdOf(Box traf) throws Mp4FormatException {
        BoxFields tfhd = traf.requiredChild("tfhd").fields();
        tfhd.versionAndFlags();
        return (int) tfhd.u32();
    }

    private static FragmentTiming describe(Box traf, Movie movie, long sequenceNumber) throws Mp4FormatException {
        Box tfhdBox = traf.requiredChild("tfhd");
        BoxFields tfhd = tfhdBox.fields();
        int flags = tfhd.versionAndFlags() & 0xFFFFFF;
        long trackIdValue = tfhd.u32();
        if (trackIdValue > Integer.MAX_VALUE || movie.track((int) trackIdValue) == null) {
            throw new Mp4FormatException("the " + tfhdBox.describe() + " refers to track " + trackIdValue
                    + ", which the init segment does not declare");
        }
        int trackId = (int) trackIdValue;
        TrackDefaults trex = movie.trackDefaults().getOrDefault(trackId, TrackDefaults.NONE);
        if ((flags & TFHD_BASE_DATA_OFFSET) != 0) tfhd.skip(8);
        if ((flags & TFHD_SAMPLE_DESCRIPTION_INDEX) != 0) tfhd.skip(4);
        long defaultDuration = (flags & TFHD_DEFAULT_DURATION) != 0 ? tfhd.u32() : trex.sampleDuration();
        if ((flags & TFHD_DEFAULT_SIZE) != 0) tfhd.skip(4);
        int defaultFlags = (flags & TFHD_DEFAULT_FLAGS) != 0 ? (int) tfhd.u32() : trex.sampleFlags();

        long decodeTime = -1;
        var tfdt = traf.child("tfdt");
        if (tfdt.isPresent()) {
            BoxFields fields = tfdt.get().fields();
            decodeTime = fields.versionAndFlags() >>> 24 == 1 ? fields.u64() : fields.u32();
        }

        Boolean keyframe = null;
        long duration = 0;
        for (Box trun : traf.children("trun")) {
            TrunSummary summary = summarise(trun, defaultDuration, defaultFlags);
            if (keyframe == null && summary.sampleCount() > 0) keyframe = isSyncSample(summary.firstSampleFlags());
            try {
                duration = Math.addExact(duration, summary.duration());
            } catch (ArithmeticException e) {
                throw new Mp4FormatException("the " + trun.describe() + " declares an impossible total duration");
            }
        }
        return new FragmentTiming(sequenceNumber, trackId, keyframe != null && keyframe, decodeTime, duration);
    }

    private record TrunSummary(long sampleCount, int firstSampleFlags, long duration) {
    }

    private static TrunSummary summarise(Box trun, long defaultDuration, int defaultFlags) throws Mp4FormatException {
        BoxFields fields = trun.fields();
        int flags = fields.versionAndFlags() & 0xFFFFFF;
        long sampleCount = fields.u32();
        if ((flags & TRUN_DATA_OFFSET) != 0) fields.skip(4);
        Integer firstSampleFlags = (flags & TRUN_FIRST_SAMPLE_FLAGS) != 0 ? (int) fields.u32() : null;
        int entryBytes = 4 * Integer.bitCount(flags & (TRUN_SAMPLE_DURATION | TRUN_SAMPLE_SIZE | TRUN_SAMPLE_FLAGS
                | TRUN_COMPOSITION_OFFSET));
        if (sampleCount * entryBytes > fields.remaining()) {
            throw new Mp4FormatException("the " + trun.describe() + " declares " + sampleCount
                    + " samples but has room for " + (entryBytes == 0 ? 0 : fields.remaining() / entryBytes));
        }
        if (entryBytes == 0 || (flags & (TRUN_SAMPLE_DURATION | TRUN_SAMPLE_FLAGS)) == 0) {
            int first = firstSampleFlags != null ? firstSampleFlags : defaultFlags;
            try {
                return new TrunSummary(sampleCount, first, Math.multiplyExact(sampleCount, defaultDuration));
            } catch (ArithmeticException e) {
                throw new Mp4FormatException("the " + trun.describe() + " declares an impossible total duration");
            }
        }
        long duration = 0;
        int first = defaultFlags;
        for (long sample = 0; sample < sampleCount; sample++) {
            duration += (flags & TRUN_SAMPLE_DURATION) != 0 ? fields.u32() : defaultDuration;
            if ((flags & TRUN_SAMPLE_SIZE) != 0) fields.skip(4);
            if ((flags & TRUN_SAMPLE_FLAGS) != 0) {
                int sampleFlags = (int) fields.u32();
                if (sample == 0) first = sampleFlags;
            }
            if ((flags & TRUN_COMPOSITION_OFFSET) != 0) fields.skip(4);
        }
        return new TrunSummary(sampleCount, firstSampleFlags != null ? firstSampleFlags : first, duration);
    }

    /**
     * ISO/IEC 14496-12 sample flags: {@code sample_depends_on} (bits 25-24) is 2 for a sample that depends on no
     * other, and {@code sample_is_non_sync_sample} (bit 16) is set for samples a player cannot start at.
     */
    static boolean isSyncSample(int sampleFlags) {
        int dependsOn = (sampleFlags >>> 24) & 0x3;
        boolean nonSync = (sampleFlags & 0x10000) != 0;
        return !nonSync && dependsOn != 1;
    }
}

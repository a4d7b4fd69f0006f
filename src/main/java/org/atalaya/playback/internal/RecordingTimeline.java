package org.atalaya.playback.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.atalaya.recording.GapIndex;
import org.atalaya.recording.RecordedSegment;
import org.atalaya.recording.RecordingGap;
import org.atalaya.recording.SegmentIndex;
import org.springframework.stereotype.Component;

/**
 * What a camera recorded over a time range: the segment files covering it and the gaps, both those the recorder
 * wrote down with their reason and any other span that no segment covers.
 */
@Component
class RecordingTimeline {

    static final String NOT_RECORDED = "no recording";
    /** Spans shorter than this between segments are the rounding of segment times, not missing video. */
    private static final Duration TOLERANCE = Duration.ofSeconds(1);

    /** @param reason why nothing was recorded, in words */
    record Gap(Instant start, Instant end, String reason) {
    }

    record Timeline(TimeRange range, List<RecordedSegment> segments, List<Gap> gaps) {

        boolean isEmpty() {
            return segments.isEmpty();
        }

        /** The recorded ranges: runs of segments with no gap between them. */
        List<TimeRange> recordedRanges() {
            List<TimeRange> ranges = new ArrayList<>();
            Instant start = null;
            Instant end = null;
            for (RecordedSegment segment : segments) {
                if (start != null && Duration.between(end, segment.startedAt()).compareTo(TOLERANCE) > 0) {
                    if (end.isAfter(start)) ranges.add(new TimeRange(start, end));
                    start = null;
                }
                if (start == null) start = segment.startedAt();
                if (end == null || segment.endedAt().isAfter(end)) end = segment.endedAt();
            }
            if (start != null && end.isAfter(start)) ranges.add(new TimeRange(start, end));
            return ranges;
        }
    }

    private final SegmentIndex segments;
    private final GapIndex gaps;

    RecordingTimeline(SegmentIndex segments, GapIndex gaps) {
        this.segments = segments;
        this.gaps = gaps;
    }

    /**
     * The camera's recording over {@code range}; uncovered spans after {@code now} are not gaps, they have not
     * happened yet.
     */
    Timeline of(long cameraId, TimeRange range, Instant now) {
        List<RecordedSegment> covering = segments.covering(cameraId, range.from(), range.to());
        List<RecordingGap> written = gaps.overlapping(cameraId, range.from(), range.to());
        List<Gap> found = new ArrayList<>();
        for (RecordingGap gap : written) found.add(new Gap(gap.startedAt(), gap.endedAt(), gap.reason()));
        Instant end = range.to().isAfter(now) ? now : range.to();
        Instant covered = range.from();
        for (RecordedSegment segment : covering) {
            addUncovered(found, written, covered, segment.startedAt());
            if (segment.endedAt().isAfter(covered)) covered = segment.endedAt();
        }
        addUncovered(found, written, covered, end);
        found.sort(Comparator.comparing(Gap::start));
        return new Timeline(range, covering, List.copyOf(found));
    }

    /** Only the segment files overlapping {@code range}, oldest first. */
    List<RecordedSegment> recorded(long cameraId, TimeRange range) {
        return segments.covering(cameraId, range.from(), range.to());
    }

    /** The end of the camera's latest recorded segment, if it has any. */
    Optional<Instant> latestEnd(long cameraId) {
        return segments.latestEnd(cameraId);
    }

    /** Adds the parts of {@code [from, to)} that no written gap explains. */
    private static void addUncovered(List<Gap> found, List<RecordingGap> written, Instant from, Instant to) {
        Instant start = from;
        for (RecordingGap gap : written) {
            if (!gap.endedAt().isAfter(start) || !gap.startedAt().isBefore(to)) continue;
            addIfLong(found, start, gap.startedAt());
            if (gap.endedAt().isAfter(start)) start = gap.endedAt();
        }
        addIfLong(found, start, to);
    }

    private static void addIfLong(List<Gap> found, Instant from, Instant to) {
        if (Duration.between(from, to).compareTo(TOLERANCE) > 0) found.add(new Gap(from, to, NOT_RECORDED));
    }
}

package org.atalaya.playback.internal;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.atalaya.recording.RecordedSegment;

/**
 * A camera's recordings over a time range, as the API answers them.
 *
 * @param segments the segment files overlapping the range, oldest first
 * @param gaps     the spans in the range without recording, with the reason where the recorder knew it
 */
record RecordingsView(long cameraId, String cameraName, Instant from, Instant to, List<Segment> segments,
                      List<Gap> gaps) {

    /** @param sha256 the file's SHA-256 in hexadecimal, to check an exported copy against */
    record Segment(Instant start, Instant end, long durationMs, long bytes, String sha256) {
    }

    record Gap(Instant start, Instant end, String reason) {
    }

    static RecordingsView of(long cameraId, String cameraName, RecordingTimeline.Timeline timeline) {
        return new RecordingsView(cameraId, cameraName, timeline.range().from(), timeline.range().to(),
                timeline.segments().stream().map(RecordingsView::segment).toList(),
                timeline.gaps().stream().map(gap -> new Gap(gap.start(), gap.end(), gap.reason())).toList());
    }

    private static Segment segment(RecordedSegment segment) {
        return new Segment(segment.startedAt(), segment.endedAt(), segment.duration().toMillis(), segment.bytes(),
                HexFormat.of().formatHex(segment.sha256()));
    }
}

package org.atalaya.recording;

import java.time.Clock;

import org.springframework.stereotype.Component;

/** Makes the {@link SegmentWriter} for a camera with the configured storage, segment length and flush interval. */
@Component
public class SegmentWriters {

    private final RecordingProperties properties;
    private final Clock clock;
    private final SegmentIndex index;

    SegmentWriters(RecordingProperties properties, Clock clock, SegmentIndex index) {
        this.properties = properties;
        this.clock = clock;
        this.index = index;
    }

    public SegmentWriter forCamera(long cameraId) {
        return new SegmentWriter(cameraId, properties.storage(), properties.segmentLength(),
                properties.flushInterval(), clock, index);
    }
}

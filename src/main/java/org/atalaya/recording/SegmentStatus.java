package org.atalaya.recording;

/** Whether an indexed segment's file is on disk. */
public enum SegmentStatus {
    /** The file was written and closed and is on disk. */
    COMPLETE,
    /** The file was indexed but is no longer on disk. */
    MISSING;

    static SegmentStatus fromColumn(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}

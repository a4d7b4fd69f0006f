package org.atalaya.recording.internal;

import java.nio.file.Path;
import java.time.Instant;

/**
 * An indexed segment that no active legal hold covers, as retention considers it for deletion.
 *
 * @param onDisk whether the index believes its file is on disk (status {@code complete})
 */
record RetentionCandidate(long id, long cameraId, Instant startedAt, Instant endedAt, long bytes, byte[] sha256,
                          Path path, boolean onDisk) {

    /** Where a walk through candidates in age order stands, so the next page starts after this one. */
    record Cursor(Instant startedAt, long id) {
        static final Cursor START = new Cursor(Instant.EPOCH, 0);
    }

    Cursor cursor() {
        return new Cursor(startedAt, id);
    }
}

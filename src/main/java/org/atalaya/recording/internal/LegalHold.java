package org.atalaya.recording.internal;

import java.time.Instant;

/**
 * A camera's recordings over a time range kept from every retention rule while the hold is active.
 *
 * @param caseNumber    the case it belongs to, or {@code null}
 * @param releasedBy    who released it, or {@code null} while it is active
 * @param releasedAt    when it was released, or {@code null} while it is active
 * @param releaseReason why it was released, or {@code null} while it is active
 */
record LegalHold(long id, long cameraId, Instant from, Instant to, String reason, String caseNumber, String setBy,
                 Instant setAt, String releasedBy, Instant releasedAt, String releaseReason) {

    boolean active() {
        return releasedAt == null;
    }
}

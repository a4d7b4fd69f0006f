package org.atalaya.recording.internal;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A legal hold as the API shows it. */
record LegalHoldView(long id, long cameraId, Instant from, Instant to, String reason,
                     @JsonProperty("case") String caseNumber, String setBy, Instant setAt, boolean active,
                     String releasedBy, Instant releasedAt, String releaseReason) {

    static LegalHoldView of(LegalHold hold) {
        return new LegalHoldView(hold.id(), hold.cameraId(), hold.from(), hold.to(), hold.reason(), hold.caseNumber(),
                hold.setBy(), hold.setAt(), hold.active(), hold.releasedBy(), hold.releasedAt(), hold.releaseReason());
    }
}

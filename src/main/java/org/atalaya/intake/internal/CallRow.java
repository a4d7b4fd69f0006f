package org.atalaya.intake.internal;

import java.time.Instant;
import org.atalaya.intake.CallChannel;
import org.atalaya.intake.CallTimes;

/** A row of the {@code calls} table. */
record CallRow(long id, CallChannel channel, String sipCallId, String callerUri, String callerNumber,
               String callerName, Double latitude, Double longitude, Double radiusMetres, String civicAddress,
               String locationProblem, Instant offeredAt, Instant answeredAt, String answeredBy, Instant endedAt,
               Long incidentId) {

    boolean ringing() {
        return answeredAt == null && endedAt == null;
    }

    CallTimes times() {
        return new CallTimes(id, channel, offeredAt, answeredAt, endedAt, incidentId);
    }
}

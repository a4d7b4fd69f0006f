package org.atalaya.intake.internal;

import java.time.Instant;
import org.atalaya.intake.CallChannel;

/**
 * One call as the console and the API show it.
 *
 * @param callerUri      the caller's SIP or tel URI, null for a call typed in by hand
 * @param radiusMetres   the uncertainty of the caller's location, null for a point or no location
 * @param locationProblem why a SIP call came without a usable location, null otherwise
 * @param abandoned      the caller hung up before anybody answered
 * @param incidentNumber the number of the incident the call belongs to, null when none
 */
record CallView(long id, CallChannel channel, CallState state, boolean abandoned, String callerUri,
                String callerNumber, String callerName, Double latitude, Double longitude, Double radiusMetres,
                String civicAddress, String locationProblem, Instant offeredAt, Instant answeredAt,
                String answeredBy, Instant endedAt, Long incidentId, String incidentNumber) {

    static CallView of(CallRow row, String incidentNumber) {
        CallState state = row.endedAt() != null ? CallState.ENDED
                : row.answeredAt() != null ? CallState.ACTIVE : CallState.RINGING;
        return new CallView(row.id(), row.channel(), state, row.endedAt() != null && row.answeredAt() == null,
                row.callerUri(), row.callerNumber(), row.callerName(), row.latitude(), row.longitude(),
                row.radiusMetres(), row.civicAddress(), row.locationProblem(), row.offeredAt(), row.answeredAt(),
                row.answeredBy(), row.endedAt(), row.incidentId(), incidentNumber);
    }
}

package org.atalaya.intake;

import java.time.Instant;

/**
 * The time stamps of one call, for response-time reports.
 *
 * @param answeredAt null when the call was never answered (abandoned)
 * @param endedAt    null while the call goes on
 * @param incidentId the incident the call opened or was added to, null when none
 */
public record CallTimes(long callId, CallChannel channel, Instant offeredAt, Instant answeredAt, Instant endedAt,
                        Long incidentId) {
}

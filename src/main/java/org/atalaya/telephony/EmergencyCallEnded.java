package org.atalaya.telephony;

import java.time.Instant;

/**
 * An emergency call ended: the caller hung up (BYE), gave up before it was answered (CANCEL), or the centre hung up.
 * Published like {@link EmergencyCallOffered}.
 *
 * @param answered whether the call had been answered before it ended (false: abandoned)
 */
public record EmergencyCallEnded(String callId, Instant endedAt, boolean answered) {
}

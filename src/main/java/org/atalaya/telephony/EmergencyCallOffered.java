package org.atalaya.telephony;

import java.time.Instant;

/**
 * An emergency call is ringing: every call-taker's console should offer it. Published outside any transaction on the
 * telephony module's own announcing thread (not the SIP stack's), one event at a time in the order the calls' things
 * happened, after the call is audited; listen with a plain, quick {@code @EventListener}.
 *
 * @param callId          our identifier of the call (the SIP Call-ID), used to answer or hang it up
 * @param callerUri       the caller's SIP or tel URI as received (From, or P-Asserted-Identity when present)
 * @param callerName      the caller's display name, null when none was sent
 * @param location        where the caller is, null when no usable location came with the call
 * @param locationProblem why there is no location (missing, malformed, unsupported shape), null when there is one
 */
public record EmergencyCallOffered(String callId, String callerUri, String callerName, Instant offeredAt,
                                   CallerLocation location, String locationProblem) {
}

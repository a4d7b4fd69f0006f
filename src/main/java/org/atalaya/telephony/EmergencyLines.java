package org.atalaya.telephony;

/** What the call-taker's console asks of the SIP user agent. */
public interface EmergencyLines {

    /** Answers a ringing call (200 OK). False when the call is no longer ringing (answered elsewhere, or gone). */
    boolean answer(String callId);

    /** Hangs up an answered call (BYE) or rejects a ringing one. False when the call is unknown or already ended. */
    boolean hangUp(String callId);
}

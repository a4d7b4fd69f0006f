package org.atalaya.telephony.internal;

/**
 * The SIP side of one call, as the call book drives it. Each method sends one message and reports whether it went
 * out; none throws.
 */
interface CallLeg {

    /** Sends 200 OK with our SDP answer to the INVITE. */
    boolean answer();

    /** Sends a final error response to the INVITE of a call that was not answered (486, 480, 487, 603...). */
    boolean refuse(int status);

    /** Sends BYE in the call's dialog. */
    boolean bye();
}

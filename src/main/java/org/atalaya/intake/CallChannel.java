package org.atalaya.intake;

/** How a call reached the centre: over SIP (with its own time stamps) or typed in by the call-taker. */
public enum CallChannel {
    SIP, MANUAL
}

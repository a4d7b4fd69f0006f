package org.atalaya.intake.internal;

/** Where a call stands on the call-taker's screen. */
enum CallState {
    /** Offered and not answered yet. */
    RINGING,
    /** Answered and still going on. */
    ACTIVE,
    /** Over: hung up, or abandoned when it was never answered. */
    ENDED
}

package org.atalaya.intake.internal;

/** A call that came by ordinary phone, typed in as the call-taker picks it up; both fields may be left out. */
record ManualCallRequest(String callerNumber, String callerName) {
}

/**
 * NG911 call intake over SIP: a user agent that accepts emergency calls (INVITE with SDP and a PIDF-LO location),
 * offers each one to the call-takers with the caller's location, answers it when a call-taker does, and hangs up.
 * No media: the voice path stays on the centre's telephone system.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Emergency telephony")
package org.atalaya.telephony;

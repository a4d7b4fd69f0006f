/**
 * Call intake: the call-taker's screen. Calls arrive over SIP (NG911, with the caller's location) or are typed in by
 * hand; the call-taker answers, locates the caller on the map, chooses the incident type and writes what happened,
 * then opens an incident or adds the call to an existing one. Offered, answered and ended are time-stamped.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Call intake")
package org.atalaya.intake;

/**
 * Incidents: what the emergency centre responds to, from the first call to closing. Each has a type from the
 * centre's taxonomy, a priority, a location and a narrative log; it moves new, dispatched, en route, on scene, then
 * closed or cancelled, every step time-stamped and audited. Duplicates are offered for merging; an alarm can become an
 * incident; the cameras whose view covers the scene are listed with the incident.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incidents")
package org.atalaya.incident;

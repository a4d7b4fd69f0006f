/**
 * Dispatch: agencies (police, fire, EMS, civil defence) and their units with type, capabilities, crew and status;
 * recommending the units that would reach an incident first; assigning them; following each assignment through
 * dispatched, en route, on scene and cleared; the dispatcher's board with the units moving on the map.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dispatch")
package org.atalaya.dispatch;

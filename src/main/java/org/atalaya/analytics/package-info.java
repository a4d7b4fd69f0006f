/**
 * Video analytics on small gray frames that each analysed camera's own stream process decodes beside the copy it
 * records: motion (a background model, zones and exclusion masks, arming schedules) and tamper (covered or blinded,
 * defocused, moved). Nothing here identifies a person: no faces, no biometrics, no tracking of who someone is.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Video analytics")
package org.atalaya.analytics;

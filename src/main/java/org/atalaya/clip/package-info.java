/**
 * Event clips: a short ring of each connected camera's latest video, so that when an alarm is raised its clip can
 * start before the alarm (e.g. 10 s before to 20 s after), written as one MP4 file per camera and event.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Event clips")
package org.atalaya.clip;

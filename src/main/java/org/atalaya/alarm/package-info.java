/**
 * The alarm queue the monitoring centre works from: alarms raised by video analytics, by the system itself (camera
 * offline, recording gap, storage floor, restart loop, audit failure) and by external panic buttons and sensors
 * (webhook, MQTT); deduplicated, prioritised, acknowledged, worked through a checklist, escalated when nobody answers,
 * closed with an outcome, each step audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alarms")
package org.atalaya.alarm;

package org.atalaya.analytics;

import java.time.Instant;

/**
 * A camera's view was tampered with, for longer than the tamper confirmation time. Published once until the picture
 * is back to normal.
 *
 * @param at     when the tampering began
 * @param detail what was measured, in words (e.g. "brightness 3 of 255, detail 0.4 against a baseline of 21")
 */
public record TamperDetected(long cameraId, Instant at, TamperKind kind, String detail) {
}

package org.atalaya.alarm;

import java.time.Instant;
import java.util.List;

/**
 * Something that may need an operator: what the alarm queue is given. Signals with the same {@code dedupKey} while an
 * alarm for it is still open (not closed) are folded into that alarm, which counts them and keeps their time span.
 *
 * @param type      the alarm type's code (e.g. {@code motion}, {@code camera.offline}, {@code panic})
 * @param source    who raised it, in words (e.g. "camera 12 analytics", "MQTT sensors/door-3")
 * @param dedupKey  what makes two signals the same alarm (e.g. {@code motion:12}); null to use type and source
 * @param cameraIds the cameras that show the place, first the main one; may be empty
 * @param latitude  where it happened (WGS 84), or null
 * @param detail    what happened, in words; may be null
 */
public record AlarmSignal(String type, String source, String dedupKey, Instant at, List<Long> cameraIds,
                          Double latitude, Double longitude, String detail) {

    public AlarmSignal {
        cameraIds = List.copyOf(cameraIds);
    }
}

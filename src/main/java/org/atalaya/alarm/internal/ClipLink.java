package org.atalaya.alarm.internal;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An event clip made for an alarm.
 *
 * @param state {@code pending}, {@code ready} or {@code unavailable}
 * @param url   where the clip is played or downloaded (the clip module checks the viewer's video permission)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ClipLink(long id, long cameraId, String state, Instant from, Instant to, String url) {

    static String urlOf(long clipId) {
        return "/api/v1/clips/" + clipId + ".mp4";
    }
}

package org.atalaya.live.internal;

import org.atalaya.camera.CameraStatus;
import org.atalaya.media.Mp4InitSegment;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text messages of the live protocol, JSON objects with a {@code type}: {@code stream} (the MIME type of the
 * init segment that follows as a binary message) and {@code status} (the camera's status and problem in words).
 * Everything else is binary: an init segment, then fragments.
 */
final class LiveMessages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LiveMessages() {
    }

    static String stream(Mp4InitSegment init) {
        return JSON.writeValueAsString(Map.of("type", "stream",
                "mime", "video/mp4; codecs=\"" + init.primaryTrack().codec() + "\""));
    }

    static String status(CameraStatus status, String problem) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "status");
        message.put("status", status.name().toLowerCase());
        if (problem != null) message.put("problem", problem);
        return JSON.writeValueAsString(message);
    }
}

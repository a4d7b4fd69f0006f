package org.atalaya.alarm.internal;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An alarm as operators see it: what the alarm API returns and the console's live stream sends, in these JSON names.
 *
 * @param state       {@code new}, {@code acknowledged}, {@code in_progress} or {@code closed}
 * @param source      who raised it, in words
 * @param count       how many signals were folded into it, the first included
 * @param cameras     the cameras that show the place, the main one first
 * @param assignee    the username of the operator working on it, or null
 * @param escalatedAt when it was escalated for staying unanswered, or null
 * @param outcome     how it was closed ({@code resolved}, {@code false-alarm}, {@code referred}, {@code test},
 *                    {@code duplicate}), or null while open
 * @param sop         the checklist of its type, with the lines done
 * @param cameraGroup the group of its first camera, which decides who sees it; null when it has no camera
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record AlarmView(long id, String type, int priority, String state, String source, String detail, Instant firstAt,
                 Instant lastAt, int count, List<AlarmCamera> cameras, Double latitude, Double longitude,
                 String assignee, String assigneeName, Instant acknowledgedAt, Instant escalatedAt, String outcome,
                 String outcomeNote, Instant closedAt, boolean incidentRequested, List<SopLine> sop,
                 List<ClipLink> clips, String cameraGroup) {

    AlarmView {
        cameras = List.copyOf(cameras);
        sop = List.copyOf(sop);
        clips = List.copyOf(clips);
    }
}

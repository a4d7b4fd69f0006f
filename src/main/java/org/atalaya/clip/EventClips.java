package org.atalaya.clip;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Makes and finds event clips. */
public interface EventClips {

    /**
     * Starts a clip of {@code cameraId} around {@code at}: what the pre-event buffer still holds from the configured
     * time before, then the stream until the configured time after. Returns at once; the clip is written when complete.
     *
     * @param eventRef what the clip belongs to, e.g. {@code alarm:42}
     */
    EventClip capture(long cameraId, Instant at, String eventRef);

    List<EventClip> forEvent(String eventRef);

    Optional<EventClip> find(long clipId);
}

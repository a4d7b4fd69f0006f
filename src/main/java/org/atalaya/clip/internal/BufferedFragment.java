package org.atalaya.clip.internal;

import java.time.Instant;

import org.atalaya.media.Mp4Fragment;

/**
 * A fragment as the pre-event buffer received it.
 *
 * @param arrivedAt the wall-clock instant it arrived, which is when its last frame was complete
 */
record BufferedFragment(Mp4Fragment fragment, Instant arrivedAt) {

    /** The wall-clock instant of its first frame: it arrived once all its frames were there. */
    Instant startedAt() {
        return arrivedAt.minus(fragment.length());
    }

    boolean startsWithKeyframe() {
        return fragment.startsWithKeyframe();
    }

    int size() {
        return fragment.size();
    }
}

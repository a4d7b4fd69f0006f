package org.atalaya.clip;

import org.atalaya.recording.StreamTap;

/**
 * Keeps the last seconds of every connected camera's stream. The recorder feeds it like any {@link StreamTap}; a
 * connection opened for another purpose (analytics on a camera that is not recorded) feeds it by calling the same
 * methods, so that such a camera's event clips start before the event too.
 */
public interface PreEventBuffer extends StreamTap {
}

package org.atalaya.recording;

import org.atalaya.media.Mp4Fragment;
import org.atalaya.media.Mp4InitSegment;

/**
 * Sees each recorded camera's stream as the recorder reads it, so that live viewers are fed by the recorder's own
 * camera connection. Called on the recorder's reading thread: an implementation returns at once (it queues, never
 * waits on a viewer) and does not throw.
 */
public interface StreamTap {

    /** A new run of the camera's stream began; the fragments that follow belong to this init segment. */
    void streamStarted(long cameraId, Mp4InitSegment init);

    void fragmentArrived(long cameraId, Mp4Fragment fragment);

    /** The run ended (camera lost, recording stopped); a new {@link #streamStarted} may follow. */
    void streamEnded(long cameraId);
}

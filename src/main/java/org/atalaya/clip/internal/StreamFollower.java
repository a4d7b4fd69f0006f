package org.atalaya.clip.internal;

import org.atalaya.media.Mp4InitSegment;

/**
 * Takes one camera's stream from the pre-event buffer: first what the buffer holds, then each fragment as it arrives.
 * Called on the camera's reading thread with the buffer's lock held: an implementation returns at once and does not
 * throw.
 */
interface StreamFollower {

    /** The init segment of the run the fragments that follow belong to; called once, first. */
    void begin(Mp4InitSegment init);

    /** @return whether more fragments are wanted; after false, no more are given */
    boolean accept(BufferedFragment fragment);

    /** The run ended or a new one began with another init segment: no more fragments of this run will come. */
    void streamStopped(String why);
}

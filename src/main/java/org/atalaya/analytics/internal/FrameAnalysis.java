package org.atalaya.analytics.internal;

import org.atalaya.camera.GrayFrame;

/** Analyses each analysed camera's frames, one camera at a time per call, and publishes what it finds. */
interface FrameAnalysis {

    /** Called for each frame, in order, for one camera at a time (never concurrently for the same camera). */
    void analyse(long cameraId, GrayFrame frame);

    /** The camera's stream restarted or stopped: forget its short-term state (the learned baseline may stay). */
    void reset(long cameraId);
}

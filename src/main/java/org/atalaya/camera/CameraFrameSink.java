package org.atalaya.camera;

/**
 * Receives the gray frames that the stream process of an analysed camera decodes beside its copy (see
 * {@link CameraStreamProcesses}). Called on the process's frame-reading thread: an implementation returns quickly and
 * does not throw; a slow one makes frames be skipped, never the video held up.
 */
public interface CameraFrameSink {

    /**
     * @param processKey the supervision key of the process that decoded it: while two processes of one camera
     *                   overlap (recording taking over from an analytics-only connection), frames come from both
     */
    void frameArrived(long cameraId, String processKey, GrayFrame frame);

    /** The process's run ended; its next frames, if any, start a new run. */
    void framesEnded(long cameraId, String processKey);
}

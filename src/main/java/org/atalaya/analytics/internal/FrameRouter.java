package org.atalaya.analytics.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.atalaya.camera.CameraFrameSink;
import org.atalaya.camera.GrayFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Takes the gray frames of every analysed camera to the {@link FrameAnalysis}: per camera one frame at a time, on a
 * virtual thread of its own, never two at once. A frame that arrives while the one before is still being analysed
 * waits in its place, replacing any frame that was waiting, so analysis always works on the newest picture and
 * never holds up the stream. While two processes of a camera overlap (the recorder taking over from an
 * analytics-only connection), the analytics-only connection gives way: its frames are analysed only while no other
 * process of the camera sends any, whichever of them started first. The analysis is reset at each change of process
 * and when the frames end. Absent when analytics is switched off, so that no camera decodes frames.
 */
@Component
@ConditionalOnBooleanProperty(name = "atalaya.analytics.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AnalyticsProperties.class)
class FrameRouter implements CameraFrameSink, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(FrameRouter.class);

    private final FrameAnalysis analysis;
    private final LatestFrames latest;
    private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("analytics-", 0).factory());

    FrameRouter(FrameAnalysis analysis, LatestFrames latest) {
        this.analysis = analysis;
        this.latest = latest;
    }

    @Override
    public void frameArrived(long cameraId, String processKey, GrayFrame frame) {
        lane(cameraId).offer(processKey, frame);
    }

    @Override
    public void framesEnded(long cameraId, String processKey) {
        lane(cameraId).ended(processKey);
    }

    private Lane lane(long cameraId) {
        return lanes.computeIfAbsent(cameraId, Lane::new);
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }

    /** One camera's way to the analysis; its fields are guarded by itself. */
    private final class Lane {

        private final long cameraId;
        /** The process whose frames are analysed, or null between runs. */
        private String source;
        private GrayFrame waiting;
        private boolean resetDue;
        private boolean working;
        /** Only the worker, one at a time, reads and writes it. */
        private boolean failing;

        Lane(long cameraId) {
            this.cameraId = cameraId;
        }

        synchronized void offer(String processKey, GrayFrame frame) {
            if (!processKey.equals(source)) {
                if (source != null && !source.equals(AnalysedCameras.key(cameraId))) return;
                if (source != null) resetDue = true;
                source = processKey;
            }
            latest.put(cameraId, frame);
            waiting = frame;
            work();
        }

        synchronized void ended(String processKey) {
            if (!processKey.equals(source)) return;
            source = null;
            waiting = null;
            resetDue = true;
            work();
        }

        /** Holding the lock: makes sure a worker is on it. */
        private void work() {
            if (working) return;
            working = true;
            workers.execute(this::analyseWhileDue);
        }

        private void analyseWhileDue() {
            while (true) {
                boolean reset;
                GrayFrame frame;
                synchronized (this) {
                    reset = resetDue;
                    resetDue = false;
                    frame = reset ? null : waiting;
                    if (!reset) waiting = null;
                    if (!reset && frame == null) {
                        working = false;
                        return;
                    }
                }
                try {
                    if (reset) analysis.reset(cameraId);
                    else analysis.analyse(cameraId, frame);
                    failing = false;
                } catch (RuntimeException e) {
                    // once per spell of failures, not at every frame
                    if (!failing) LOG.warn("Analysis of camera {} failed: {}", cameraId, e.toString());
                    failing = true;
                }
            }
        }
    }
}

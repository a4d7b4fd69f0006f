package org.atalaya.analytics.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.atalaya.camera.CameraCatalog;
import org.atalaya.camera.CameraChanged;
import org.atalaya.camera.CameraInputs;
import org.atalaya.camera.CameraStreamProcesses;
import org.atalaya.camera.RegisteredCamera;
import org.atalaya.clip.PreEventBuffer;
import org.atalaya.media.FragmentedMp4Reader;
import org.atalaya.media.MediaProperties;
import org.atalaya.media.Mp4Fragment;
import org.atalaya.media.Mp4InitSegment;
import org.atalaya.media.ProcessSupervisor;
import org.atalaya.platform.BackgroundWorker;
import org.atalaya.recording.CameraRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.annotation.Propagation;

/**
 * Gives every enabled, analysed camera that the recorder does not record a connection of its own, {@code
 * analytics-<id>}: its stream process decodes the analytics frames, and its video goes to the pre-event buffer, so
 * that the camera's event clips start before the event as a recorded camera's do. Checked at start-up, at every
 * change of a camera, and every {@link AnalyticsProperties#reconcileInterval()}, since the recorder can stop or start
 * on its own (a full disk); when the recorder takes a camera over, its connection stops at the next check.
 */
@BackgroundWorker
@EnableConfigurationProperties(AnalyticsProperties.class)
class AnalysedCameras implements DisposableBean {

    static final String KEY_PREFIX = "analytics-";
    private static final Logger LOG = LoggerFactory.getLogger(AnalysedCameras.class);

    private final CameraCatalog cameras;
    private final CameraInputs inputs;
    private final CameraStreamProcesses processes;
    private final ProcessSupervisor supervisor;
    private final CameraRecorder recorder;
    private final PreEventBuffer preEventBuffer;
    private final LatestFrames latest;
    private final MediaProperties media;
    private final AnalyticsProperties properties;
    /** The cameras with a connection of their own; guarded by this object. */
    private final Set<Long> connected = new HashSet<>();
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("analytics-connections").factory());

    AnalysedCameras(CameraCatalog cameras, CameraInputs inputs, CameraStreamProcesses processes,
                    ProcessSupervisor supervisor, CameraRecorder recorder, PreEventBuffer preEventBuffer,
                    LatestFrames latest, MediaProperties media, AnalyticsProperties properties) {
        this.cameras = cameras;
        this.inputs = inputs;
        this.processes = processes;
        this.supervisor = supervisor;
        this.recorder = recorder;
        this.preEventBuffer = preEventBuffer;
        this.latest = latest;
        this.media = media;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!properties.enabled()) return;
        long every = properties.reconcileInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::reconcileQuietly, 0, every, TimeUnit.MILLISECONDS);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CameraChanged change) {
        if (properties.enabled()) reconcile(change.cameraId(), change.sourceChanged());
    }

    /** Whether the camera has an analytics-only connection now. */
    synchronized boolean isConnected(long cameraId) {
        return connected.contains(cameraId);
    }

    private void reconcileQuietly() {
        try {
            reconcileAll();
        } catch (RuntimeException e) {
            LOG.warn("Could not check the analytics connections: {}", e.toString());
        }
    }

    synchronized void reconcileAll() {
        Set<Long> known = new HashSet<>();
        for (RegisteredCamera camera : cameras.all()) {
            known.add(camera.id());
            reconcile(camera.id(), false);
        }
        for (Long gone : List.copyOf(connected)) {
            if (!known.contains(gone)) disconnect(gone);
        }
    }

    /** @param restart whether a running connection is to start again (the camera is read differently now) */
    private synchronized void reconcile(long cameraId, boolean restart) {
        Optional<RegisteredCamera> camera = cameras.find(cameraId);
        boolean analysed = camera.filter(RegisteredCamera::analysed).isPresent();
        boolean wanted = analysed && camera.get().enabled() && !recorder.isRecording(cameraId);
        boolean running = connected.contains(cameraId);
        if (running && (!wanted || restart)) disconnect(cameraId);
        if (wanted && (!running || restart)) connect(cameraId);
        if (!analysed) latest.forget(cameraId);
    }

    private void connect(long cameraId) {
        // a connection stopped moments ago may still be ending
        supervisor.stop(key(cameraId));
        processes.superviseWithFrames(key(cameraId), cameraId, () -> inputs.open(cameraId),
                (output, videoArrived) -> feed(cameraId, output, videoArrived));
        connected.add(cameraId);
        LOG.info("Camera {} is analysed over a connection of its own, as it is not recorded", cameraId);
    }

    private void disconnect(long cameraId) {
        supervisor.stop(key(cameraId));
        connected.remove(cameraId);
        LOG.info("Camera {} no longer has an analytics connection of its own", cameraId);
    }

    /**
     * Hands one run's video to the pre-event buffer, until the recorder records the camera: from then on the
     * recorder feeds it, and this run leaves it alone (not even ending its stream there) until it is stopped.
     */
    private void feed(long cameraId, InputStream output, Runnable videoArrived) throws IOException {
        var reader = new FragmentedMp4Reader(output, media.maxBoxSize().toBytes());
        Mp4InitSegment init = reader.initSegment();
        boolean feeding = !recorder.isRecording(cameraId);
        if (feeding) preEventBuffer.streamStarted(cameraId, init);
        boolean arrived = false;
        try {
            for (var next = reader.nextFragment(); next.isPresent(); next = reader.nextFragment()) {
                Mp4Fragment fragment = next.get();
                if (feeding && recorder.isRecording(cameraId)) feeding = false;
                if (feeding) preEventBuffer.fragmentArrived(cameraId, fragment);
                if (!arrived) {
                    arrived = true;
                    videoArrived.run();
                }
            }
        } finally {
            if (feeding) preEventBuffer.streamEnded(cameraId);
        }
    }

    static String key(long cameraId) {
        return KEY_PREFIX + cameraId;
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
        List<Long> stopping;
        synchronized (this) {
            stopping = List.copyOf(connected);
            connected.clear();
        }
        stopping.forEach(cameraId -> supervisor.stop(key(cameraId)));
    }
}

package org.atalaya.recording.internal;

import java.nio.file.Path;
import org.atalaya.camera.CameraCatalog;
import org.atalaya.camera.CameraChanged;
import org.atalaya.camera.CameraInputs;
import org.atalaya.camera.RegisteredCamera;
import org.atalaya.platform.BackgroundWorker;
import org.atalaya.recording.CameraRecorder;
import org.atalaya.recording.RecordingProperties;
import org.atalaya.recording.StorageExhausted;
import org.atalaya.recording.StorageRecovered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.annotation.Propagation;

/**
 * Records every camera that is set to record: all of them once the recordings folder has been reconciled at
 * start-up, then each as it is created, changed, enabled or disabled. While the recordings folder is full of footage
 * that may not be deleted, nothing records. Its listeners take turns and run without a transaction of their own: one
 * would hold a database connection while waiting its turn, and fifty cameras created at once would empty the pool.
 */
@BackgroundWorker
@Order(ReconcileAtStartup.ORDER + 1)
class CameraRecordings implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CameraRecordings.class);

    private final CameraRecorder recorder;
    private final CameraCatalog cameras;
    private final CameraInputs inputs;
    private final boolean enabled;
    private final Path storage;
    private boolean storageExhausted;

    CameraRecordings(CameraRecorder recorder, CameraCatalog cameras, CameraInputs inputs,
                     RecordingProperties properties) {
        this.recorder = recorder;
        this.cameras = cameras;
        this.inputs = inputs;
        this.enabled = properties.enabled();
        this.storage = properties.storage();
    }

    @Override
    public synchronized void run(ApplicationArguments arguments) {
        if (!enabled) return;
        startAll();
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    synchronized void on(StorageExhausted exhausted) {
        if (!enabled || !exhausted.storage().equals(storage) || storageExhausted) return;
        storageExhausted = true;
        var recording = cameras.all().stream().filter(camera -> recorder.isRecording(camera.id())).toList();
        recording.forEach(camera -> recorder.stop(camera.id()));
        LOG.warn("Stopped recording {} camera(s): {}", recording.size(), exhausted.reason());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    synchronized void on(StorageRecovered recovered) {
        if (!enabled || !recovered.storage().equals(storage) || !storageExhausted) return;
        storageExhausted = false;
        startAll();
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    synchronized void on(CameraChanged change) {
        if (!enabled) return;
        var camera = cameras.find(change.cameraId());
        boolean recording = recorder.isRecording(change.cameraId());
        boolean recordable = camera.map(RegisteredCamera::recordable).orElse(false);
        if (recording && (!recordable || change.sourceChanged())) recorder.stop(change.cameraId());
        if (recordable && (!recording || change.sourceChanged())) start(camera.get());
    }

    private void startAll() {
        var recordable = cameras.all().stream().filter(RegisteredCamera::recordable).toList();
        recordable.forEach(this::start);
        LOG.info("Recording {} camera(s)", recordable.size());
    }

    private void start(RegisteredCamera camera) {
        if (storageExhausted || recorder.isRecording(camera.id())) return;
        recorder.record(camera.id(), () -> inputs.open(camera.id()));
    }
}

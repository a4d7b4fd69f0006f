package org.atalaya.camera.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.atalaya.camera.CameraCatalog;
import org.atalaya.camera.CameraInput;
import org.atalaya.camera.CameraInputs;
import org.atalaya.camera.RegisteredCamera;
import org.atalaya.media.MediaProperties;
import org.atalaya.platform.SecretBox;
import org.springframework.stereotype.Component;

/** The registry as the other modules see it: facts about cameras, and ffmpeg inputs for those that read video. */
@Component
class RegisteredCameras implements CameraCatalog, CameraInputs {

    private final CameraStore store;
    private final CameraInputLists lists;
    private final SecretBox secrets;
    private final Duration socketTimeout;

    RegisteredCameras(CameraStore store, CameraInputLists lists, SecretBox secrets, MediaProperties media) {
        this.store = store;
        this.lists = lists;
        this.secrets = secrets;
        // longer than the watchdog's wait, so that a silent camera is reported as "no video arrived" (ADR 16)
        this.socketTimeout = media.noOutputTimeout().multipliedBy(2);
    }

    @Override
    public List<RegisteredCamera> all() {
        return store.all().stream().map(RegisteredCameras::registered).toList();
    }

    @Override
    public Optional<RegisteredCamera> find(long cameraId) {
        return store.byId(cameraId).map(RegisteredCameras::registered);
    }

    @Override
    public CameraInput open(long cameraId) {
        Camera camera = camera(cameraId);
        return SyntheticSource.of(camera.mainUrl()).map(SyntheticSource::input)
                .orElseGet(() -> input(camera, camera.mainUrl()));
    }

    @Override
    public Optional<CameraInput> openSubStream(long cameraId) {
        Camera camera = camera(cameraId);
        return Optional.ofNullable(camera.subUrl()).map(url -> input(camera, url));
    }

    private Camera camera(long cameraId) {
        return store.byId(cameraId).orElseThrow(() -> new NoSuchElementException("no camera " + cameraId));
    }

    private CameraInput input(Camera camera, String url) {
        String password = password(camera.id()).orElse(null);
        try {
            Path list = lists.write(camera, url, password, socketTimeout);
            return new CameraInput(CameraInputLists.inputArguments(list), CameraInput.STREAM_COPY, list);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the input list of camera " + camera.id(), e);
        }
    }

    /** The camera's password for handing to ffmpeg; never to be shown, logged or put in an exception. */
    Optional<String> password(long cameraId) {
        return store.sealedPassword(cameraId).map(sealed ->
                new String(secrets.open(sealed, passwordAssociatedData(cameraId)), StandardCharsets.UTF_8));
    }

    static String passwordAssociatedData(long cameraId) {
        return "camera:" + cameraId + ":password";
    }

    private static RegisteredCamera registered(Camera camera) {
        return new RegisteredCamera(camera.id(), camera.name(), camera.cameraGroup(), camera.enabled(),
                camera.recordable(), camera.retentionDays(), camera.latitude(), camera.longitude(),
                camera.headingDeg(), camera.fovDeg(), camera.rangeM(), camera.subUrl() != null, camera.analysed());
    }
}

package org.atalaya.camera.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.atalaya.camera.CameraCatalog;
import org.atalaya.camera.CameraFrameSink;
import org.atalaya.camera.CameraProperties;
import org.atalaya.camera.RegisteredCamera;
import org.atalaya.media.PipeReaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Gives each run of an analysed camera's stream process its {@link FrameOutput}: a private FIFO in the camera run
 * directory, and the ffmpeg arguments that decode small gray frames into it. Without any {@link CameraFrameSink}
 * (analytics switched off) nothing is decoded at all.
 */
@Component
public class FrameOutputs implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(FrameOutputs.class);
    private static final long MKFIFO_TIMEOUT_SECONDS = 5;

    private final CameraCatalog cameras;
    private final CameraProperties properties;
    private final List<CameraFrameSink> sinks;
    private final Clock clock;
    private final Path directory;
    private final ExecutorService readers = PipeReaders.perTask("camera-frames-");

    public FrameOutputs(CameraCatalog cameras, CameraProperties properties, List<CameraFrameSink> sinks, Clock clock) {
        this.cameras = cameras;
        this.properties = properties;
        this.sinks = List.copyOf(sinks);
        this.clock = clock;
        this.directory = Path.of(properties.runDirectory());
    }

    /**
     * The frames output of one run of {@code processKey}, if the camera is analysed now; empty, with a warning, when
     * the FIFO cannot be made, so that the run goes on without frames rather than not at all.
     */
    public Optional<FrameOutput> open(long cameraId, String processKey) {
        if (sinks.isEmpty() || !cameras.find(cameraId).map(RegisteredCamera::analysed).orElse(false)) {
            return Optional.empty();
        }
        Path fifo = directory.resolve("frames-" + processKey + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".pgm");
        try {
            makeFifo(fifo);
            return Optional.of(new FrameOutput(cameraId, processKey, fifo, outputArguments(fifo), sinks, clock,
                    readers));
        } catch (IOException e) {
            LOG.warn("Camera {} runs without analytics frames: {}", cameraId, e.getMessage());
            try {
                Files.deleteIfExists(fifo);
            } catch (IOException ignored) {
                // it was never made
            }
            return Optional.empty();
        }
    }

    /** The camera's input arguments with the decoding options of the frames output before its {@code -i}. */
    public List<String> withDecodingOptions(List<String> inputArguments) {
        if (!properties.analyticsKeyframesOnly()) return inputArguments;
        List<String> arguments = new ArrayList<>(inputArguments);
        arguments.addAll(arguments.lastIndexOf("-i"), List.of("-skip_frame", "nokey"));
        return arguments;
    }

    private List<String> outputArguments(Path fifo) {
        String scale = "scale=" + properties.analyticsWidth() + ":-2,format=gray";
        // -y: the FIFO exists already, and ffmpeg would otherwise ask whether to overwrite it, and give up
        List<String> arguments = new ArrayList<>(List.of("-y", "-map", "0:v"));
        if (properties.analyticsKeyframesOnly()) {
            // one picture per keyframe as it comes, rather than keyframes repeated up to a frame rate
            arguments.addAll(List.of("-vf", scale, "-fps_mode", "passthrough"));
        } else {
            arguments.addAll(List.of("-vf", "fps=" + properties.analyticsFps() + "," + scale));
        }
        arguments.addAll(List.of("-c:v", "pgm", "-f", "image2pipe", fifo.toString()));
        return arguments;
    }

    private void makeFifo(Path fifo) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
        Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", fifo.toString()).redirectErrorStream(true).start();
        try {
            if (!mkfifo.waitFor(MKFIFO_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                mkfifo.destroyForcibly();
                throw new IOException("mkfifo did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            mkfifo.destroyForcibly();
            throw new IOException("interrupted while making the frames FIFO");
        }
        if (mkfifo.exitValue() != 0) {
            throw new IOException("mkfifo failed: " + new String(mkfifo.getInputStream().readAllBytes()).strip());
        }
    }

    @Override
    public void destroy() {
        readers.shutdownNow();
    }
}

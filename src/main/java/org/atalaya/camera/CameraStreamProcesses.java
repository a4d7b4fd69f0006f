package org.atalaya.camera;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.atalaya.camera.internal.FrameOutput;
import org.atalaya.camera.internal.FrameOutputs;
import org.atalaya.media.FfmpegBinaries;
import org.atalaya.media.MediaProperties;
import org.atalaya.media.ProcessSupervisor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One supervised ffmpeg per camera stream that writes the video (copied as it comes, unless the input says
 * otherwise) as fragmented MP4 to standard output: what the recorder and live viewers read. Each run opens the camera
 * anew, so a restart picks up changed settings, and closes the input (deleting its private credentials list) as soon
 * as video arrives, or when the run ends. A process supervised {@linkplain #superviseWithFrames with frames} also
 * decodes small gray frames for the {@link CameraFrameSink}s while its camera is analysed: a second output of the
 * same process, never a second connection to the camera.
 */
@Component
public class CameraStreamProcesses {

    /** Reads one run's output; {@code videoArrived} is to be called at its first fragment. */
    @FunctionalInterface
    public interface StreamReader {
        void read(InputStream output, Runnable videoArrived) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(CameraStreamProcesses.class);

    private final ProcessSupervisor supervisor;
    private final FfmpegBinaries binaries;
    private final MediaProperties media;
    private final FrameOutputs frameOutputs;

    CameraStreamProcesses(ProcessSupervisor supervisor, FfmpegBinaries binaries, MediaProperties media,
                          FrameOutputs frameOutputs) {
        this.supervisor = supervisor;
        this.binaries = binaries;
        this.media = media;
        this.frameOutputs = frameOutputs;
    }

    /**
     * Starts supervising under {@code key}, without frames; stop it with the supervisor.
     *
     * @param input opens the camera stream for each run
     * @throws IllegalStateException if {@code key} is already supervised
     */
    public void supervise(String key, Supplier<CameraInput> input, StreamReader reader) {
        supervise(key, input, reader, Optional::empty);
    }

    /**
     * Starts supervising under {@code key}, like {@link #supervise}, and for each run in which the camera is analysed
     * (asked again at every start, so turning analysis on or off takes effect at the next restart) also hands its
     * gray frames to the {@link CameraFrameSink}s.
     *
     * @throws IllegalStateException if {@code key} is already supervised
     */
    public void superviseWithFrames(String key, long cameraId, Supplier<CameraInput> input, StreamReader reader) {
        supervise(key, input, reader, () -> frameOutputs.open(cameraId, key));
    }

    private void supervise(String key, Supplier<CameraInput> input, StreamReader reader,
                           Supplier<Optional<FrameOutput>> frames) {
        var openInput = new AtomicReference<CameraInput>();
        var openFrames = new AtomicReference<FrameOutput>();
        supervisor.supervise(key, () -> {
            // left over from a run whose process could not start
            closeQuietly(openInput.getAndSet(null));
            closeQuietly(openFrames.getAndSet(null));
            openInput.set(input.get());
            openFrames.set(frames.get().orElse(null));
            return command(openInput.get(), openFrames.get());
        }, output -> {
            try {
                reader.read(output, () -> closeQuietly(openInput.getAndSet(null)));
            } finally {
                closeQuietly(openInput.getAndSet(null));
                closeQuietly(openFrames.getAndSet(null));
            }
        });
    }

    private List<String> command(CameraInput input, FrameOutput frames) {
        List<String> command = new ArrayList<>(List.of(binaries.ffmpeg().toString(), "-hide_banner", "-nostats",
                "-loglevel", "warning"));
        command.addAll(frames == null ? input.inputArguments()
                : frameOutputs.withDecodingOptions(input.inputArguments()));
        command.addAll(List.of("-map", "0:v"));
        command.addAll(input.videoCodec());
        command.addAll(media.fragmentedMp4Output());
        if (frames != null) command.addAll(frames.outputArguments());
        return command;
    }

    private static void closeQuietly(CameraInput input) {
        if (input == null) return;
        try {
            input.close();
        } catch (UncheckedIOException e) {
            LOG.warn("{}", e.getMessage());
        }
    }

    private static void closeQuietly(FrameOutput frames) {
        if (frames != null) frames.close();
    }
}

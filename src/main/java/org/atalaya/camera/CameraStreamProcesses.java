package org.atalaya.camera;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

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
 * as video arrives, or when the run ends.
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

    CameraStreamProcesses(ProcessSupervisor supervisor, FfmpegBinaries binaries, MediaProperties media) {
        this.supervisor = supervisor;
        this.binaries = binaries;
        this.media = media;
    }

    /**
     * Starts supervising under {@code key}; stop it with the supervisor.
     *
     * @param input opens the camera stream for each run
     * @throws IllegalStateException if {@code key} is already supervised
     */
    public void supervise(String key, Supplier<CameraInput> input, StreamReader reader) {
        var openInput = new AtomicReference<CameraInput>();
        supervisor.supervise(key, () -> {
            closeQuietly(openInput.getAndSet(input.get()));
            return command(openInput.get());
        }, output -> {
            try {
                reader.read(output, () -> closeQuietly(openInput.getAndSet(null)));
            } finally {
                closeQuietly(openInput.getAndSet(null));
            }
        });
    }

    private List<String> command(CameraInput input) {
        List<String> command = new ArrayList<>(List.of(binaries.ffmpeg().toString(), "-hide_banner", "-nostats",
                "-loglevel", "warning"));
        command.addAll(input.inputArguments());
        command.addAll(List.of("-map", "0:v"));
        command.addAll(input.videoCodec());
        command.addAll(media.fragmentedMp4Output());
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
}

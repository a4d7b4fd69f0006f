package org.atalaya.camera;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How one ffmpeg run reads a camera: the arguments before the outputs, and how the video is to be written. A camera
 * with credentials is read through a private list file (ADR 16) that {@link #close()} deletes; close it as soon as
 * the run has started delivering video, and in any case when the run ends.
 *
 * @param inputArguments ffmpeg arguments naming the input, e.g. {@code -f concat ... -i <list>}
 * @param videoCodec     output codec arguments: {@link #STREAM_COPY} for real cameras
 * @param privateFile    the list file holding the credentials, or null
 */
public record CameraInput(List<String> inputArguments, List<String> videoCodec, Path privateFile)
        implements AutoCloseable {

    /** The video is written as the camera sends it, never re-encoded. */
    public static final List<String> STREAM_COPY = List.of("-c:v", "copy");

    public CameraInput {
        inputArguments = List.copyOf(inputArguments);
        videoCodec = List.copyOf(videoCodec);
    }

    /** A camera read without a private file, e.g. an address without credentials in a test. */
    public static CameraInput of(List<String> inputArguments) {
        return new CameraInput(inputArguments, STREAM_COPY, null);
    }

    @Override
    public void close() {
        if (privateFile == null) return;
        try {
            Files.deleteIfExists(privateFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the camera's input list " + privateFile, e);
        }
    }
}

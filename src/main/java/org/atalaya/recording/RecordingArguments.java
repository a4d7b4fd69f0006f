package org.atalaya.recording;

import java.util.ArrayList;
import java.util.List;

/** The ffmpeg command line of a recording: the camera's input part followed by the standard recording output. */
public final class RecordingArguments {

    /**
     * Copies the video as it comes (no re-encoding) into fragmented MP4 on standard output, a fragment at every
     * keyframe and at least every half second, which is what {@link CameraRecorder} reads.
     */
    public static final List<String> STANDARD_OUTPUT = List.of("-map", "0:v", "-c", "copy", "-f", "mp4",
            "-movflags", "+frag_keyframe+empty_moov+default_base_moof", "-frag_duration", "500000", "pipe:1");

    private RecordingArguments() {
    }

    /** {@code input} (e.g. {@code -rtsp_transport tcp -i rtsp://...}) followed by the standard output. */
    public static List<String> withStandardOutput(List<String> input) {
        List<String> arguments = new ArrayList<>(input);
        arguments.addAll(STANDARD_OUTPUT);
        return List.copyOf(arguments);
    }
}

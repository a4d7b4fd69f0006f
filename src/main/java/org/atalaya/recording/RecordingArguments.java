package org.atalaya.recording;

import java.util.ArrayList;
import java.util.List;

import org.atalaya.camera.CameraInput;

/** The ffmpeg arguments of a recording: the camera's input followed by the standard recording output. */
final class RecordingArguments {

    private RecordingArguments() {
    }

    /**
     * Writes the video (copied as it comes, unless the input says otherwise) as fragmented MP4 to standard output, a
     * fragment at every keyframe and at least every half second, which is what {@link CameraRecorder} reads.
     */
    static List<String> of(CameraInput input) {
        List<String> arguments = new ArrayList<>(input.inputArguments());
        arguments.addAll(List.of("-map", "0:v"));
        arguments.addAll(input.videoCodec());
        arguments.addAll(List.of("-f", "mp4", "-movflags", "+frag_keyframe+empty_moov+default_base_moof",
                "-frag_duration", "500000", "pipe:1"));
        return List.copyOf(arguments);
    }
}

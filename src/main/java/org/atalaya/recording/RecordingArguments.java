package org.atalaya.recording;

import java.util.ArrayList;
import java.util.List;

import org.atalaya.camera.CameraInput;
import org.atalaya.media.MediaProperties;

/** The ffmpeg arguments of a recording: the camera's input followed by the standard recording output. */
final class RecordingArguments {

    private RecordingArguments() {
    }

    /**
     * Writes the video (copied as it comes, unless the input says otherwise) as fragmented MP4 to standard output,
     * which is what {@link CameraRecorder} reads.
     */
    static List<String> of(CameraInput input, MediaProperties media) {
        List<String> arguments = new ArrayList<>(input.inputArguments());
        arguments.addAll(List.of("-map", "0:v"));
        arguments.addAll(input.videoCodec());
        arguments.addAll(media.fragmentedMp4Output());
        return List.copyOf(arguments);
    }
}

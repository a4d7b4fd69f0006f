package org.atalaya.recording;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.atalaya.media.FfmpegForTests;
import org.atalaya.media.FragmentedMp4Reader;
import org.atalaya.media.Mp4Fragment;
import org.atalaya.media.Mp4InitSegment;

/** A real camera-like fragmented MP4 stream made by ffmpeg once per run: 8 s, 640x360, 15 fps, a keyframe a second. */
final class RecordingStreams {

    static final int SECONDS = 8;

    record Stream(Mp4InitSegment init, List<Mp4Fragment> fragments) {
    }

    private static Stream stream;

    private RecordingStreams() {
    }

    static synchronized Stream eightSeconds() {
        if (stream == null) {
            try {
                byte[] bytes = FfmpegForTests.run("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=15",
                        "-c:v", "libopenh264", "-g", "15", "-t", Integer.toString(SECONDS), "-f", "mp4",
                        "-movflags", "+frag_keyframe+empty_moov+default_base_moof", "-frag_duration", "500000",
                        "pipe:1");
                FragmentedMp4Reader reader = new FragmentedMp4Reader(new ByteArrayInputStream(bytes), 64 << 20);
                Mp4InitSegment init = reader.initSegment();
                List<Mp4Fragment> fragments = new ArrayList<>();
                Optional<Mp4Fragment> fragment;
                while ((fragment = reader.nextFragment()).isPresent()) fragments.add(fragment.get());
                stream = new Stream(init, List.copyOf(fragments));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stream;
    }

    static byte[] bytesOf(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}

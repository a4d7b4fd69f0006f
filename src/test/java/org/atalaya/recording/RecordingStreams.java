package org.atalaya.recording;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.atalaya.media.FfmpegForTests;
import org.atalaya.media.FragmentedMp4Reader;
import org.atalaya.media.Mp4Fragment;
import org.atalaya.media.Mp4InitSegment;

/**
 * Real camera-like fragmented MP4 streams made by ffmpeg once per run: its test picture (its clock drawn in it) at
 * 15 fps, a keyframe a second, a fragment every half second.
 */
public final class RecordingStreams {

    static final int SECONDS = 8;

    public record Stream(Mp4InitSegment init, List<Mp4Fragment> fragments) {
    }

    private static final Map<String, Stream> MADE = new HashMap<>();

    private RecordingStreams() {
    }

    /** 8 s at 640x360. */
    static Stream eightSeconds() {
        return of("640x360", SECONDS);
    }

    /**
     * @param size    width x height, e.g. "640x360"
     * @param seconds how long it plays
     */
    public static synchronized Stream of(String size, int seconds) {
        return MADE.computeIfAbsent(size + " " + seconds, key -> make(size, seconds));
    }

    private static Stream make(String size, int seconds) {
        try {
            byte[] bytes = FfmpegForTests.run("-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=15",
                    "-c:v", "libopenh264", "-g", "15", "-t", Integer.toString(seconds), "-f", "mp4",
                    "-movflags", "+frag_keyframe+empty_moov+default_base_moof", "-frag_duration", "500000",
                    "pipe:1");
            FragmentedMp4Reader reader = new FragmentedMp4Reader(new ByteArrayInputStream(bytes), 64 << 20);
            Mp4InitSegment init = reader.initSegment();
            List<Mp4Fragment> fragments = new ArrayList<>();
            Optional<Mp4Fragment> fragment;
            while ((fragment = reader.nextFragment()).isPresent()) fragments.add(fragment.get());
            return new Stream(init, List.copyOf(fragments));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytesOf(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}

package org.atalaya.media;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What ffprobe says about a media file.
 *
 * @param format   the container, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param duration how long it plays; zero when unknown
 * @param streams  its streams in file order
 */
public record MediaInfo(String format, Duration duration, List<Stream> streams) {

    public MediaInfo {
        streams = List.copyOf(streams);
    }

    /**
     * @param type    {@code video}, {@code audio}, ...
     * @param codec   e.g. {@code h264}
     * @param profile e.g. {@code Constrained Baseline}; empty when ffprobe names none
     * @param width   in pixels, 0 for streams without pictures
     * @param height  in pixels, 0 for streams without pictures
     */
    public record Stream(int index, String type, String codec, String profile, int width, int height) {
    }

    /** The first video stream, if there is one. */
    public Optional<Stream> video() {
        return streams.stream().filter(stream -> stream.type().equals("video")).findFirst();
    }
}

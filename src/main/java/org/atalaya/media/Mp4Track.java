package org.atalaya.media;

/**
 * One track declared by an init segment.
 *
 * @param id        the track ID that fragments refer to
 * @param handler   the kind of track: {@code vide} for video, {@code soun} for audio, ...
 * @param codec     the codec as a browser's Media Source Extensions expect it, e.g. {@code avc1.4d401f} for H.264,
 *                  or the sample entry's four letters when no finer description is known
 * @param timescale the track's time units per second
 * @param width     picture width in pixels (0 for tracks without pictures)
 * @param height    picture height in pixels (0 for tracks without pictures)
 */
public record Mp4Track(int id, String handler, String codec, long timescale, int width, int height) {

    public boolean isVideo() {
        return "vide".equals(handler);
    }
}

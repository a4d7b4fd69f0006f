package org.atalaya.camera;

import java.time.Instant;

/**
 * One small gray picture decoded from a camera's stream for analytics: {@code width * height} bytes of luma, row by
 * row, 0 black to 255 white.
 *
 * @param at when it arrived
 */
public record GrayFrame(int width, int height, byte[] pixels, Instant at) {

    public GrayFrame {
        if (width <= 0 || height <= 0 || pixels.length != width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " frame needs " + width * height
                    + " bytes, not " + pixels.length);
        }
    }

    /** The luma at column {@code x}, row {@code y}, 0 to 255. */
    public int luma(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }
}

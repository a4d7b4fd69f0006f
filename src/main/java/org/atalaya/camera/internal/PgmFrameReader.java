package org.atalaya.camera.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import org.atalaya.camera.GrayFrame;

/**
 * Reads the binary PGM pictures ({@code P5}, 8 bits) that ffmpeg writes one after another with
 * {@code -c:v pgm -f image2pipe}. Each picture carries its own size, so a camera that changes resolution is read on
 * without a restart. The input is not trusted: a picture larger than {@link #MAX_PIXELS} or a header that is not
 * PGM is a {@link PgmFormatException}, after which the reader cannot continue. Not thread-safe.
 */
final class PgmFrameReader {

    /** Far above any analytics frame (320 x 180 by default): 4096 x 4096. */
    static final int MAX_PIXELS = 4096 * 4096;
    private static final int MAX_HEADER_NUMBER_DIGITS = 5;

    /** The picture stream is not PGM as expected. */
    static final class PgmFormatException extends IOException {
        PgmFormatException(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private final Clock clock;

    /** @param in read as far as each call needs, never closed here; buffered by the caller */
    PgmFrameReader(InputStream in, Clock clock) {
        this.in = in;
        this.clock = clock;
    }

    /**
     * The next picture, or empty when the stream ended cleanly between pictures.
     *
     * @throws PgmFormatException if the header is not an 8-bit binary PGM one or the picture is too large
     * @throws EOFException       if the stream ended inside a picture
     */
    Optional<GrayFrame> next() throws IOException {
        int first = in.read();
        if (first == -1) return Optional.empty();
        if (first != 'P' || in.read() != '5' || !isWhiteSpace(in.read())) {
            throw new PgmFormatException("a picture does not start with P5");
        }
        int width = headerNumber("width");
        int height = headerNumber("height");
        int maxValue = headerNumber("maximum value");
        if (maxValue != 255) throw new PgmFormatException("only 8-bit pictures are read, not a maximum of " + maxValue);
        if (width == 0 || height == 0 || (long) width * height > MAX_PIXELS) {
            throw new PgmFormatException("a picture of " + width + "x" + height + " pixels is refused");
        }
        byte[] pixels = in.readNBytes(width * height);
        if (pixels.length != width * height) {
            throw new EOFException("the stream ended inside a " + width + "x" + height + " picture");
        }
        return Optional.of(new GrayFrame(width, height, pixels, clock.instant()));
    }

    /**
     * A decimal number, after any further white space and comments; the single white-space character that ends it
     * is consumed, which for the maximum value is the one byte before the pixels.
     */
    private int headerNumber(String what) throws IOException {
        int c = in.read();
        while (c == '#' || isWhiteSpace(c)) {
            if (c == '#') {
                while (c != '\n' && c != '\r' && c != -1) c = in.read();
            }
            c = in.read();
        }
        if (c == -1) throw new EOFException("the stream ended inside a picture's header");
        if (c < '0' || c > '9') throw new PgmFormatException("the picture's " + what + " is missing");
        int value = 0;
        int digits = 0;
        for (; c >= '0' && c <= '9'; c = in.read()) {
            if (++digits > MAX_HEADER_NUMBER_DIGITS) throw new PgmFormatException("the picture's " + what + " is too large");
            value = value * 10 + (c - '0');
        }
        if (c == -1) throw new EOFException("the stream ended inside a picture's header");
        if (!isWhiteSpace(c)) throw new PgmFormatException("the picture's " + what + " is not a number");
        return value;
    }

    private static boolean isWhiteSpace(int c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0x0B;
    }
}

package org.atalaya.media;

import java.io.IOException;

/**
 * The bytes read are not the fragmented MP4 that was expected: a box is malformed, too large, or the stream ended in
 * the middle of one. The message says what was found and at which byte offset of the stream.
 */
public class Mp4FormatException extends IOException {

    public Mp4FormatException(String message) {
        super(message);
    }
}

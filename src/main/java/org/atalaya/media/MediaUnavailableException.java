package org.atalaya.media;

/** ffmpeg or ffprobe cannot run on this machine; the message says why and what to install. */
public class MediaUnavailableException extends RuntimeException {

    public MediaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.atalaya.recording;

/** A segment file could not be written (the disk is full, the folder cannot be created, ...); nothing was indexed. */
public class RecordingWriteException extends RuntimeException {

    public RecordingWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.atalaya.live.internal;

/** Which of a camera's streams a viewer watches: the main one, or the smaller sub-stream for small tiles. */
enum LiveStreamKind {
    MAIN, SUB;

    /** The name used in URLs: {@code main} or {@code sub}. */
    String urlName() {
        return name().toLowerCase();
    }
}

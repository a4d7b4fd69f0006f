package org.atalaya.recording.internal;

import java.io.IOException;
import java.nio.file.Path;

/** How much room is left on the file system that holds a recordings folder. */
interface StorageSpace {

    /** Bytes a new file under {@code storage} could still take. */
    long usableBytes(Path storage) throws IOException;
}

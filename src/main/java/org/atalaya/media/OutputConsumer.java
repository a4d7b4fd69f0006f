package org.atalaya.media;

import java.io.IOException;
import java.io.InputStream;

/** Reads a supervised process's standard output, e.g. with a {@link FragmentedMp4Reader}. */
@FunctionalInterface
public interface OutputConsumer {

    /**
     * Reads {@code output} until it ends; called on a thread of its own for each run of the process. Returning or
     * throwing ends the run: the process is stopped and started again after a delay. An {@link Mp4FormatException}
     * is reported as an unsupported stream, any other exception as an unexpected end with its message.
     */
    void consume(InputStream output) throws IOException;
}

package org.atalaya.media.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Tells {@code onData} whenever a read returns bytes, so a watchdog knows the process is alive. */
final class ActivityStream extends FilterInputStream {

    private final Runnable onData;

    ActivityStream(InputStream in, Runnable onData) {
        super(in);
        this.onData = onData;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) onData.run();
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) onData.run();
        return read;
    }
}

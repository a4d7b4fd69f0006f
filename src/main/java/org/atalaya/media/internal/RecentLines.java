package org.atalaya.media.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The last lines of a process's error output, bounded in number and length, with credentials removed. ffmpeg ends
 * progress lines with a carriage return, so that counts as a line end too.
 */
final class RecentLines {

    static final int MAX_LINE_BYTES = 2000;

    private final int capacity;
    private final ArrayDeque<String> lines;

    RecentLines(int capacity) {
        this.capacity = capacity;
        this.lines = new ArrayDeque<>(capacity);
    }

    /** Reads {@code in} to its end and closes it; a read error ends the reading quietly. */
    void readAll(InputStream in) {
        var line = new ByteArrayOutputStream();
        boolean cut = false;
        try (in) {
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n' || b == '\r') {
                    add(line, cut);
                    line.reset();
                    cut = false;
                } else if (line.size() < MAX_LINE_BYTES) {
                    line.write(b);
                } else {
                    cut = true;
                }
            }
            add(line, cut);
        } catch (IOException e) {
            add(line, true);
        }
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    private void add(ByteArrayOutputStream bytes, boolean cut) {
        String text = bytes.toString(StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) return;
        String line = cut ? UrlCredentials.redactCut(text) + " ..." : UrlCredentials.redact(text);
        synchronized (lines) {
            if (lines.size() == capacity) lines.removeFirst();
            lines.addLast(line);
        }
    }
}

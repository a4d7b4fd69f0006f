package org.atalaya.media.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Marks the processes Atalaya starts with an environment variable naming the server process that owns them and
 * what they are for. The variable is readable only by the same user (and root), unlike the command line, and it
 * changes nothing in what ffmpeg does or writes.
 */
final class ProcessMarker {

    static final String VARIABLE = "ATALAYA_MEDIA_OWNER";

    /** @param ownerPid the server process that started the child */
    record Mark(long ownerPid, String key) {
    }

    private ProcessMarker() {
    }

    static String value(long ownerPid, String key) {
        return ownerPid + ":" + key;
    }

    static Optional<Mark> parse(String value) {
        int separator = value.indexOf(':');
        if (separator <= 0) return Optional.empty();
        try {
            return Optional.of(new Mark(Long.parseLong(value.substring(0, separator)), value.substring(separator + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The mark of process {@code pid}, read from {@code /proc}; empty if unmarked, gone or not ours to read. */
    static Optional<Mark> read(long pid) {
        byte[] environment;
        try {
            environment = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        String prefix = VARIABLE + "=";
        for (String entry : new String(environment, StandardCharsets.UTF_8).split("\0")) {
            if (entry.startsWith(prefix)) return parse(entry.substring(prefix.length()));
        }
        return Optional.empty();
    }
}

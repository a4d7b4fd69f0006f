package org.atalaya.recording;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Names and folders of segment files: {@code <storage>/<camera-id>/<yyyy>/<mm>/<dd>/<HH>/<start-epoch-ms>.mp4}. */
final class SegmentFiles {

    static final String FINISHED = ".mp4";
    static final String PART = ".mp4.part";

    private SegmentFiles() {
    }

    static Path folder(Path storage, long cameraId, Instant startedAt) {
        ZonedDateTime utc = startedAt.atZone(ZoneOffset.UTC);
        return storage.resolve(Long.toString(cameraId))
                .resolve("%04d".formatted(utc.getYear()))
                .resolve("%02d".formatted(utc.getMonthValue()))
                .resolve("%02d".formatted(utc.getDayOfMonth()))
                .resolve("%02d".formatted(utc.getHour()));
    }

    static Path finishedName(Path part) {
        String name = part.getFileName().toString();
        return part.resolveSibling(name.substring(0, name.length() - PART.length()) + FINISHED);
    }

    /** The start time a segment file's name carries, or null when the name is not one of ours. */
    static Instant startOf(Path file) {
        String name = file.getFileName().toString();
        String digits = name.endsWith(PART) ? name.substring(0, name.length() - PART.length())
                : name.endsWith(FINISHED) ? name.substring(0, name.length() - FINISHED.length()) : "";
        if (digits.isEmpty() || digits.length() > 15 || !digits.chars().allMatch(Character::isDigit)) return null;
        return Instant.ofEpochMilli(Long.parseLong(digits));
    }

    /** Makes a rename or a new file in {@code folder} survive a power loss. */
    static void syncFolder(Path folder) throws IOException {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }
}

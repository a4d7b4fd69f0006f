package org.atalaya.clip.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.atalaya.media.Mp4InitSegment;

/**
 * Writes clip files: {@code <storage>/<camera-id>/<yyyy>/<mm>/<dd>/<clip-id>.mp4} (UTC date of the clip's start),
 * first as {@code .mp4.part}, forced to disk, then renamed, so a clip file is either whole or absent.
 */
final class ClipFiles {

    private static final String PART = ".part";

    /** A written clip file. */
    record Written(Path file, long bytes, byte[] sha256) {
    }

    private ClipFiles() {
    }

    static Written write(Path storage, long cameraId, long clipId, Instant start, Mp4InitSegment init,
                         List<BufferedFragment> fragments) throws IOException {
        ZonedDateTime day = start.atZone(ZoneOffset.UTC);
        Path folder = storage.resolve(Long.toString(cameraId)).resolve("%04d".formatted(day.getYear()))
                .resolve("%02d".formatted(day.getMonthValue())).resolve("%02d".formatted(day.getDayOfMonth()));
        Files.createDirectories(folder);
        Path file = folder.resolve(clipId + ".mp4");
        Path part = folder.resolve(file.getFileName() + PART);
        MessageDigest digest = sha256();
        long bytes = 0;
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            bytes += append(channel, digest, init.content());
            DecodeTimeShift shift = new DecodeTimeShift();
            for (BufferedFragment fragment : fragments) {
                bytes += append(channel, digest, shift.shift(fragment.fragment().content()));
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncFolder(folder);
        return new Written(file, bytes, digest.digest());
    }

    /** Deletes a clip file; a file already gone is not an error. */
    static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    private static long append(FileChannel channel, MessageDigest digest, ByteBuffer content) throws IOException {
        digest.update(content.duplicate());
        long written = 0;
        while (content.hasRemaining()) written += channel.write(content);
        return written;
    }

    /** Makes a rename durable: on Linux a folder can be opened and forced; where it cannot, the rename stands. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not every file system lets a folder be forced; the file itself is already on disk
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

package org.atalaya.camera.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.atalaya.camera.CameraProperties;
import org.springframework.stereotype.Component;

/**
 * Writes the one-entry ffconcat lists through which ffmpeg and ffprobe read a camera with its credentials (ADR 16):
 * files of mode 0600 in a folder of mode 0700, emptied when the server starts.
 */
@Component
class CameraInputLists {

    private final Path directory;

    CameraInputLists(CameraProperties properties) throws IOException {
        this.directory = privateEmptyDirectory(Path.of(properties.runDirectory()));
    }

    /**
     * Writes the list for one of {@code camera}'s streams.
     *
     * @param url           the stream's address, without credentials
     * @param socketTimeout how long ffmpeg waits on a silent connection before it gives up
     */
    Path write(Camera camera, String url, String password, Duration socketTimeout) throws IOException {
        String withCredentials = withCredentials(url, camera.username(), password);
        String text = "ffconcat version 1.0\n"
                + "file '" + withCredentials.replace("'", "'\\''") + "'\n"
                + "option rtsp_transport tcp\n"
                + "option timeout " + socketTimeout.toNanos() / 1000 + "\n";
        Path list = Files.createTempFile(directory, "camera-" + camera.id() + "-", ".ffconcat",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(list, text, StandardCharsets.UTF_8);
        return list;
    }

    /** ffmpeg's arguments for reading {@code list}. */
    static List<String> inputArguments(Path list) {
        return List.of("-f", "concat", "-safe", "0", "-protocol_whitelist", "file,rtsp,rtsps,rtp,tcp,udp,tls",
                "-i", list.toString());
    }

    static String withCredentials(String url, String username, String password) {
        if (username == null || username.isEmpty()) return url;
        URI uri = URI.create(url);
        String userInfo = percentEncode(username) + (password == null ? "" : ":" + percentEncode(password));
        return uri.getScheme() + "://" + userInfo + "@" + uri.getRawAuthority()
                + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** RFC 3986: everything but the unreserved characters as %XX of its UTF-8 bytes. */
    static String percentEncode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    private static Path privateEmptyDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> leftovers = Files.list(directory)) {
            for (Path leftover : leftovers.toList()) Files.deleteIfExists(leftover);
        }
        return directory;
    }
}

package org.atalaya.media;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real ffmpeg for tests, unpacked under target/, and a way to run it to completion. */
public final class FfmpegForTests {

    private static FfmpegBinaries binaries;

    private FfmpegForTests() {
    }

    public static synchronized FfmpegBinaries binaries() {
        if (binaries == null) binaries = new FfmpegBinaries(Path.of("target/javacpp-cache"));
        return binaries;
    }

    /**
     * A short fragmented MP4 recording of ffmpeg's test picture, as a camera pipeline receives it.
     *
     * @param seconds how long it plays
     * @param gop     frames between keyframes, at 10 frames per second
     */
    public static byte[] fragmentedSample(int seconds, int gop) throws IOException {
        return run("-f", "lavfi", "-i", "testsrc2=size=160x120:rate=10", "-c:v", "libopenh264", "-g",
                Integer.toString(gop), "-t", Integer.toString(seconds), "-f", "mp4", "-movflags",
                "+frag_keyframe+empty_moov+default_base_moof", "-frag_duration", "200000", "pipe:1");
    }

    /** Runs ffmpeg with {@code arguments} until it ends and returns its standard output. */
    public static byte[] run(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(binaries().ffmpeg().toString(), "-hide_banner", "-loglevel",
                "error"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectInput(Redirect.from(new File("/dev/null")))
                .redirectError(Redirect.DISCARD)
                .start();
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readAllBytes();
        }
        try {
            int exitCode = process.waitFor();
            if (exitCode != 0) throw new IOException("ffmpeg " + arguments[arguments.length - 1] + " exited with " + exitCode);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return output;
    }
}

package org.atalaya.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;

/**
 * The ffmpeg and ffprobe executables that come with the application (from the {@code org.bytedeco:ffmpeg} jar),
 * unpacked into a cache folder on first use and checked to run. A failure is reported again on the next call, so
 * installing a missing library does not need a restart.
 */
public final class FfmpegBinaries {

    static final String DEBIAN_PACKAGES = "libpulse0 libva2 libva-drm2";
    private static final String CACHE_DIRECTORY_PROPERTY = "org.bytedeco.javacpp.cachedir";
    private static final long CHECK_TIMEOUT_SECONDS = 30;

    /** Unpacks the executable of a javacpp program class and returns its path. */
    @FunctionalInterface
    interface Unpacker {
        String unpack(Class<?> program) throws Exception;
    }

    private record Executables(Path ffmpeg, Path ffprobe) {
    }

    private final Path cacheDirectory;
    private final Unpacker unpacker;
    private volatile Executables executables;

    public FfmpegBinaries(Path cacheDirectory) {
        this(cacheDirectory, Loader::load);
    }

    FfmpegBinaries(Path cacheDirectory, Unpacker unpacker) {
        this.cacheDirectory = cacheDirectory.toAbsolutePath();
        this.unpacker = unpacker;
    }

    /** @throws MediaUnavailableException if ffmpeg cannot be unpacked or does not run here */
    public Path ffmpeg() {
        return executables().ffmpeg();
    }

    /** @throws MediaUnavailableException if ffprobe cannot be unpacked or does not run here */
    public Path ffprobe() {
        return executables().ffprobe();
    }

    private Executables executables() {
        Executables found = executables;
        if (found != null) return found;
        synchronized (this) {
            if (executables == null) executables = unpackAndCheck();
            return executables;
        }
    }

    private Executables unpackAndCheck() {
        Path ffmpeg = unpack(org.bytedeco.ffmpeg.ffmpeg.class, "ffmpeg");
        Path ffprobe = unpack(org.bytedeco.ffmpeg.ffprobe.class, "ffprobe");
        checkRuns(ffmpeg);
        checkRuns(ffprobe);
        return new Executables(ffmpeg, ffprobe);
    }

    private Path unpack(Class<?> program, String name) {
        // javacpp reads its cache folder once per Java process, on first use
        System.setProperty(CACHE_DIRECTORY_PROPERTY, cacheDirectory.toString());
        try {
            return Path.of(unpacker.unpack(program));
        } catch (Exception | LinkageError e) {
            throw unavailable("could not unpack " + name + " into " + cacheDirectory + ": " + e.getMessage(), e);
        }
    }

    private static void checkRuns(Path executable) {
        String name = executable.getFileName().toString();
        try {
            Process process = new ProcessBuilder(executable.toString(), "-hide_banner", "-version")
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(CHECK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw unavailable(name + " did not answer when asked for its version", null);
            }
            if (process.exitValue() != 0) {
                throw unavailable(name + " cannot run on this machine: " + firstLine(output), null);
            }
        } catch (IOException e) {
            throw unavailable(name + " cannot be started: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while checking " + name, e);
        }
    }

    private static String firstLine(String output) {
        String trimmed = output.strip();
        if (trimmed.isEmpty()) return "it ended without saying why";
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end).strip();
    }

    private static MediaUnavailableException unavailable(String reason, Throwable cause) {
        return new MediaUnavailableException(reason + ". On Debian, ffmpeg needs these packages: apt-get install -y "
                + DEBIAN_PACKAGES, cause);
    }
}

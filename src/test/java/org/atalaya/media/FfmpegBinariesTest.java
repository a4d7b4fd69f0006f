package org.atalaya.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegBinariesTest {

    @TempDir
    Path folder;

    @Test
    void unpacksExecutablesThatRun() throws Exception {
        FfmpegBinaries binaries = FfmpegForTests.binaries();

        assertThat(binaries.ffmpeg()).isExecutable().hasFileName("ffmpeg");
        assertThat(binaries.ffprobe()).isExecutable().hasFileName("ffprobe");
        Process version = new ProcessBuilder(binaries.ffmpeg().toString(), "-version").redirectErrorStream(true).start();
        assertThat(new String(version.getInputStream().readAllBytes())).startsWith("ffmpeg version 7.1");
    }

    @Test
    void resolvesOnceAndKeepsTheAnswer() {
        var unpacks = new AtomicInteger();
        Path fakeFfmpeg = script("ok", "echo ffmpeg version 7.1.1", 0);
        var binaries = new FfmpegBinaries(folder, program -> {
            unpacks.incrementAndGet();
            return fakeFfmpeg.toString();
        });

        assertThat(binaries.ffmpeg()).isEqualTo(fakeFfmpeg);
        assertThat(binaries.ffprobe()).isEqualTo(fakeFfmpeg);
        assertThat(unpacks).hasValue(2);
    }

    @Test
    void aMissingLibraryIsExplainedWithThePackagesToInstall() {
        Path broken = script("broken", "echo 'ffmpeg: error while loading shared libraries: libpulse.so.0: "
                + "cannot open shared object file: No such file or directory' >&2", 127);
        var binaries = new FfmpegBinaries(folder, program -> broken.toString());

        assertThatThrownBy(binaries::ffmpeg)
                .isInstanceOf(MediaUnavailableException.class)
                .hasMessageContaining("broken cannot run on this machine: ffmpeg: error while loading shared "
                        + "libraries: libpulse.so.0")
                .hasMessageEndingWith("apt-get install -y libpulse0 libva2 libva-drm2");
    }

    @Test
    void aFailedUnpackIsExplainedAndTriedAgainOnTheNextCall() {
        var attempts = new AtomicInteger();
        Path working = script("ffmpeg", "true", 0);
        var binaries = new FfmpegBinaries(folder, program -> {
            if (attempts.incrementAndGet() == 1) throw new UnsatisfiedLinkError("libva-drm.so.2: cannot open");
            return working.toString();
        });

        assertThatThrownBy(binaries::ffmpeg)
                .isInstanceOf(MediaUnavailableException.class)
                .hasMessageStartingWith("could not unpack ffmpeg into " + folder.toAbsolutePath()
                        + ": libva-drm.so.2: cannot open")
                .hasMessageContaining("libpulse0 libva2 libva-drm2");
        assertThat(binaries.ffmpeg()).isEqualTo(working);
    }

    private Path script(String name, String body, int exitCode) {
        try {
            Path script = folder.resolve(name);
            Files.writeString(script, "#!/bin/sh\n" + body + "\nexit " + exitCode + "\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            return script;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

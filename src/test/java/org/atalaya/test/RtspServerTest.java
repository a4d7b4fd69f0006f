package org.atalaya.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RTSP server for tests, pulled by the real ffmpeg the way camera pipelines pull a camera. */
class RtspServerTest {

    private static final Duration PULL_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    @Test
    void servesEveryStreamOverTcpAndComesBackOnTheSamePortAfterAStop() {
        try (RtspServer cameras = RtspServer.withStreams(2).size(320, 240).start()) {
            int port = cameras.port();
            CompletableFuture<Path> first = CompletableFuture.supplyAsync(() -> pull(cameras.url(1), "tcp", "cam1"));
            Path second = pull(cameras.url(2), "tcp", "cam2");

            assertThat(videoOf(first.join())).isEqualTo("h264,320,240");
            assertThat(videoOf(second)).isEqualTo("h264,320,240");

            cameras.stop();
            assertThat(cameras.isRunning()).isFalse();
            Ffmpeg.Result refused = Ffmpeg.run(PULL_TIMEOUT, pullArguments(cameras.url(1), "tcp",
                    folder.resolve("refused.mp4")));
            assertThat(refused.succeeded()).isFalse();
            assertThat(refused.errors()).contains("Connection refused");

            cameras.restart();
            assertThat(cameras.port()).isEqualTo(port);
            assertThat(videoOf(pull(cameras.url(1), "tcp", "back"))).isEqualTo("h264,320,240");
        }
    }

    @Test
    void refusesWrongCredentialsWith401AndServesTheRightOnes() {
        try (RtspServer camera = RtspServer.withStreams(1).size(320, 240).credentials("viewer", "two words")
                .start()) {
            Ffmpeg.Result wrong = Ffmpeg.run(PULL_TIMEOUT, pullArguments(camera.url(1, "viewer", "guess"), "tcp",
                    folder.resolve("wrong.mp4")));
            Ffmpeg.Result none = Ffmpeg.run(PULL_TIMEOUT, pullArguments(camera.url(1), "tcp",
                    folder.resolve("none.mp4")));

            assertThat(wrong.succeeded()).isFalse();
            assertThat(wrong.errors()).contains("401");
            assertThat(none.succeeded()).isFalse();
            assertThat(none.errors()).contains("401");
            assertThat(videoOf(pull(camera.url(1, "viewer", "two words"), "tcp", "right")))
                    .isEqualTo("h264,320,240");
        }
    }

    @Test
    void loopsAClipOverUdpWithoutReencodingIt() {
        Path clip = Ffmpeg.createClip(folder.resolve("clip.mp4"), 2);
        try (RtspServer camera = RtspServer.withStreams(1).source(clip).start()) {
            Path pulled = pull(camera.url(1), "udp", "looped");

            assertThat(videoOf(pulled)).isEqualTo("h264,640,360");
            assertThat(framesOf(pulled)).as("3 s at 15 fps from a clip of 2 s").isGreaterThan(30);
        }
    }

    @Test
    void aServerThatCannotStartSaysWhy() throws IOException {
        Path notAClip = Files.writeString(folder.resolve("notes.mp4"), "not a video");

        assertThatThrownBy(() -> RtspServer.withStreams(1).source(notAClip).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot play the source clip");
        try (RtspServer first = RtspServer.withStreams(1).start()) {
            assertThatThrownBy(() -> RtspServer.withStreams(1).port(first.port()).start())
                    .hasMessageContaining("Address already in use");
        }
    }

    @Test
    void theScriptEndsOnSigtermAloneAndWhenItsStdinCloses() throws Exception {
        Process terminated = startScript();
        // ProcessHandle.destroy() only signals; Process.destroy() would also close the pipes
        terminated.toHandle().destroy();
        Process orphaned = startScript();
        orphaned.getOutputStream().close();

        assertThat(terminated.waitFor(10, TimeUnit.SECONDS)).as("ended after SIGTERM").isTrue();
        assertThat(terminated.exitValue()).isZero();
        assertThat(orphaned.waitFor(10, TimeUnit.SECONDS)).as("ended after stdin closed").isTrue();
        assertThat(orphaned.exitValue()).isZero();
    }

    private static Process startScript() throws IOException {
        Process process = new ProcessBuilder("/usr/bin/python3", RtspServer.script().toString())
                .redirectError(Redirect.DISCARD).start();
        var output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(output.readLine()).startsWith("READY rtsp://127.0.0.1:");
        return process;
    }

    private Path pull(String url, String transport, String name) {
        Path file = folder.resolve(name + ".mp4");
        Ffmpeg.Result result = Ffmpeg.run(PULL_TIMEOUT, pullArguments(url, transport, file));
        assertThat(result.succeeded()).as("ffmpeg pulling %s: %s", url, result.errors()).isTrue();
        return file;
    }

    /** Three seconds of the stream copied into an MP4 file, as a recorder would. */
    private static List<String> pullArguments(String url, String transport, Path file) {
        return List.of("-hide_banner", "-loglevel", "error", "-y", "-rtsp_transport", transport,
                "-timeout", "10000000", "-i", url, "-t", "3", "-c", "copy", "-f", "mp4", file.toString());
    }

    private static String videoOf(Path file) {
        return probe(file, "stream=codec_name,width,height");
    }

    private static int framesOf(Path file) {
        return Integer.parseInt(probe(file, "stream=nb_frames"));
    }

    private static String probe(Path file, String entries) {
        Ffmpeg.Result result = Ffmpeg.probe(PULL_TIMEOUT, List.of("-v", "error", "-select_streams", "v:0",
                "-show_entries", entries, "-of", "csv=p=0", file.toString()));
        assertThat(result.succeeded()).as("ffprobe %s: %s", file, result.errors()).isTrue();
        return result.output().strip();
    }
}

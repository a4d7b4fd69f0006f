package org.atalaya.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.atalaya.media.ChildProcess;
import org.atalaya.media.FfmpegBinaries;
import org.atalaya.media.FfmpegForTests;
import org.atalaya.media.FragmentedMp4Reader;
import org.atalaya.media.MediaInfo;
import org.atalaya.media.MediaProbe;
import org.atalaya.media.MediaProperties;
import org.atalaya.media.PipeReaders;
import org.atalaya.media.Mp4Fragment;
import org.atalaya.media.Mp4InitSegment;
import org.atalaya.media.StopResult.Step;
import org.atalaya.media.StreamProblem;
import org.atalaya.media.SupervisionStatus;
import org.atalaya.media.SupervisionStatus.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real ffmpeg 7.1.1 from the application's dependencies, driven the way camera pipelines drive it. */
class FfmpegProcessTest {

    private static final long LIMIT = 64L * 1024 * 1024;
    /** Fragmented MP4 on standard output: what every camera pipeline reads. */
    private static final List<String> FRAGMENTED_OUTPUT = List.of("-f", "mp4", "-movflags",
            "+frag_keyframe+empty_moov+default_base_moof", "-frag_duration", "500000", "pipe:1");

    private final FfmpegBinaries binaries = FfmpegForTests.binaries();
    private final MediaProperties properties = MediaProperties.defaults();
    private final OsProcessLauncher launcher = new OsProcessLauncher(properties);

    @TempDir
    Path folder;

    @Test
    void aDemoCameraStreamSplitsIntoTimedFragmentsWithKeyframesWhereExpected() throws IOException {
        // 15 frames per second with a keyframe every 15 frames: a keyframe at every whole second
        ChildProcess ffmpeg = launcher.start("demo", ffmpeg("-re", "-f", "lavfi", "-i",
                "testsrc2=size=640x360:rate=15", "-c:v", "libopenh264", "-g", "15", "-t", "4"));
        var reader = new FragmentedMp4Reader(ffmpeg.output(), LIMIT);

        Mp4InitSegment init = reader.initSegment();
        List<Mp4Fragment> fragments = new ArrayList<>();
        for (var next = reader.nextFragment(); next.isPresent(); next = reader.nextFragment()) fragments.add(next.get());

        assertThat(ffmpeg.stop().exitCode()).isZero();
        assertThat(init.tracks()).hasSize(1);
        assertThat(init.primaryTrack().codec()).startsWith("avc1.");
        assertThat(init.primaryTrack().width()).isEqualTo(640);
        long timescale = init.primaryTrack().timescale();
        assertThat(fragments).hasSizeGreaterThanOrEqualTo(8);
        assertThat(fragments.stream().mapToLong(Mp4Fragment::duration).sum()).as("ticks of 4 s")
                .isEqualTo(4 * timescale);
        long expectedStart = 0;
        for (Mp4Fragment fragment : fragments) {
            assertThat(fragment.decodeTime()).isEqualTo(expectedStart);
            assertThat(fragment.startsWithKeyframe()).as("keyframe at %s", fragment.start())
                    .isEqualTo(fragment.decodeTime() % timescale == 0);
            expectedStart += fragment.duration();
        }
    }

    @Test
    void ffmpegStopsCleanlyWhenAskedToQuit() throws Exception {
        ChildProcess ffmpeg = launcher.start("long", ffmpeg("-re", "-f", "lavfi", "-i",
                "testsrc2=size=320x180:rate=10", "-c:v", "libopenh264", "-g", "10"));
        BlockingQueue<Mp4Fragment> fragments = new LinkedBlockingQueue<>();
        var reading = PipeReaders.perTask("test-reader-").submit(() -> {
            var reader = new FragmentedMp4Reader(ffmpeg.output(), LIMIT);
            for (var next = reader.nextFragment(); next.isPresent(); next = reader.nextFragment()) {
                fragments.add(next.get());
            }
            return true;
        });
        assertThat(fragments.poll(30, TimeUnit.SECONDS)).as("a first fragment").isNotNull();

        var result = ffmpeg.stop();

        assertThat(result.step()).isEqualTo(Step.QUIT);
        assertThat(result.endedNormally()).isTrue();
        assertThat(reading.get(30, TimeUnit.SECONDS)).as("the output ended between fragments").isTrue();
    }

    @Test
    void aRefusedConnectionIsExplainedAndThePasswordStaysOut() throws IOException {
        ChildProcess ffmpeg = launcher.start("closed", List.of(binaries.ffmpeg().toString(), "-hide_banner",
                "-loglevel", "warning", "-rtsp_transport", "tcp", "-timeout", "5000000",
                "-i", "rtsp://admin:hunter2@127.0.0.1:" + closedPort() + "/cam", "-c", "copy", "-f", "null", "-"));
        ffmpeg.output().readAllBytes();

        assertThat(ffmpeg.stop().exitCode()).isNotZero();
        assertThat(ErrorClassifier.classify(ffmpeg.recentErrorLines()))
                .map(ErrorClassifier.Diagnosis::problem).contains(StreamProblem.UNREACHABLE);
        assertThat(ffmpeg.recentErrorLines()).isNotEmpty().noneMatch(line -> line.contains("hunter2"))
                .anyMatch(line -> line.contains("rtsp://***@127.0.0.1"));
    }

    @Test
    void ffprobeReportsCodecAndPictureSizeOfAShortRecording() throws IOException {
        Path recording = folder.resolve("probe me.mp4");
        FfmpegForTests.run("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=10", "-c:v", "libopenh264", "-t", "1",
                recording.toString());

        MediaInfo info = new MediaProbe(binaries, launcher).probe(recording);

        assertThat(info.format()).contains("mp4");
        assertThat(info.duration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(info.video()).hasValueSatisfying(video -> {
            assertThat(video.codec()).isEqualTo("h264");
            assertThat(video.width()).isEqualTo(320);
            assertThat(video.height()).isEqualTo(240);
        });
    }

    @Test
    void ffprobeExplainsAFileItCannotRead() throws IOException {
        Path notVideo = Files.writeString(folder.resolve("notes.mp4"), "not a video");

        var probe = new MediaProbe(binaries, launcher);

        assertThatThrownBy(() -> probe.probe(notVideo))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("ffprobe could not read notes.mp4: ")
                .hasMessageContaining("Invalid data found when processing input");
    }

    @Test
    void theSupervisorKeepsARealProcessRunningAndStopsIt() throws Exception {
        BlockingQueue<SupervisionStatus> heard = new LinkedBlockingQueue<>();
        BlockingQueue<Mp4Fragment> fragments = new LinkedBlockingQueue<>();
        try (var scheduler = new ExecutorScheduler("test-supervision")) {
            var supervisor = new RestartingSupervisor(launcher, scheduler, PipeReaders.perTask("test-media-"),
                    Clock.systemUTC(), SupervisionPolicy.from(properties), heard::add);
            supervisor.supervise("demo-1", () -> ffmpeg("-re", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=10",
                    "-c:v", "libopenh264", "-g", "10"), output -> {
                        var reader = new FragmentedMp4Reader(output, LIMIT);
                        for (var next = reader.nextFragment(); next.isPresent(); next = reader.nextFragment()) {
                            fragments.add(next.get());
                        }
                    });

            assertThat(fragments.poll(30, TimeUnit.SECONDS)).as("a fragment through the supervisor").isNotNull();
            assertThat(heard.poll(30, TimeUnit.SECONDS)).extracting(SupervisionStatus::state).isEqualTo(State.STARTING);
            assertThat(heard.poll(30, TimeUnit.SECONDS)).extracting(SupervisionStatus::state).isEqualTo(State.RUNNING);

            supervisor.close();

            assertThat(heard.poll(30, TimeUnit.SECONDS)).extracting(SupervisionStatus::state).isEqualTo(State.STOPPED);
            assertThat(heard).as("no restart after the stop").isEmpty();
        }
    }

    private List<String> ffmpeg(String... input) {
        List<String> command = new ArrayList<>(List.of(binaries.ffmpeg().toString(), "-hide_banner", "-nostats",
                "-loglevel", "warning"));
        command.addAll(List.of(input));
        command.addAll(FRAGMENTED_OUTPUT);
        return command;
    }

    private static int closedPort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

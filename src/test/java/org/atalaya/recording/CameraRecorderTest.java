package org.atalaya.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.assertj.core.data.Offset;
import org.atalaya.camera.CameraInput;
import org.atalaya.camera.CameraStreamProcesses;
import org.atalaya.media.MediaInfo;
import org.atalaya.media.MediaProbe;
import org.atalaya.media.MediaProperties;
import org.atalaya.media.Mp4Fragment;
import org.atalaya.media.Mp4InitSegment;
import org.atalaya.media.ProcessSupervisor;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Await;
import org.atalaya.test.Ffmpeg;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

@AtalayaTest
class CameraRecorderTest {

    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @TempDir
    static Path clips;

    static Path clip;

    @Autowired
    ProcessSupervisor supervisor;

    @Autowired
    CameraStreamProcesses processes;

    @Autowired
    SegmentIndex segments;

    @Autowired
    GapIndex gaps;

    @Autowired
    MediaProbe probe;

    @Autowired
    MediaProperties media;

    @Autowired
    Clock clock;

    @TempDir
    Path storage;

    private final CountingTap tap = new CountingTap();

    @BeforeAll
    static void makeClip() {
        clip = Ffmpeg.createClip(clips.resolve("camera.mp4"), 20);
    }

    @Test
    void recordsACameraIntoContinuousPlayableSegmentsUntilStopped() throws Exception {
        long camera = SegmentWriterTest.newCameraId();
        CameraRecorder recorder = recorderWithTwoSecondSegments();

        recorder.record(camera, () -> CameraInput.of(List.of("-re", "-i", clip.toString())));
        try {
            Await.until(GENEROUS, () -> segments.segments(camera).size() >= 3);
            assertThat(recorder.status(camera).state()).isEqualTo(RecordingStatus.State.RECORDING);
        } finally {
            recorder.stop(camera);
        }
        Await.until(GENEROUS, () -> openFiles().isEmpty());

        assertThat(recorder.status(camera).state()).isEqualTo(RecordingStatus.State.STOPPED);
        List<RecordedSegment> recorded = segments.segments(camera);
        assertThat(recorded).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 0; i < recorded.size(); i++) {
            RecordedSegment segment = recorded.get(i);
            assertThat(segment.path()).exists().hasFileName(segment.startedAt().toEpochMilli() + ".mp4");
            MediaInfo info = probe.probe(segment.path());
            assertThat(info.video()).get().extracting(MediaInfo.Stream::codec).isEqualTo("h264");
            if (i < recorded.size() - 1) {
                assertThat(segment.duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
                assertThat(segment.endedAt()).isEqualTo(recorded.get(i + 1).startedAt());
            }
        }
        assertThat(gaps.gaps(camera)).isEmpty();
    }

    @Test
    void aLostCameraLeavesAGapAndRecordingResumes() throws Exception {
        long camera = SegmentWriterTest.newCameraId();
        CameraRecorder recorder = recorderWithTwoSecondSegments();

        recorder.record(camera, () -> CameraInput.of(List.of("-re", "-t", "3", "-i", clip.toString())));
        try {
            Await.until(GENEROUS, () -> recorder.status(camera).state() == RecordingStatus.State.RECONNECTING);
            assertThat(recorder.status(camera).reason()).startsWith("stopped unexpectedly");
            Await.until(GENEROUS, () -> !gaps.gaps(camera).isEmpty() && segments.segments(camera).stream()
                    .anyMatch(segment -> !segment.startedAt().isBefore(gaps.gaps(camera).getFirst().endedAt())));
        } finally {
            recorder.stop(camera);
        }
        Await.until(GENEROUS, () -> openFiles().isEmpty());

        RecordingGap gap = gaps.gaps(camera).getFirst();
        assertThat(gap.reason()).startsWith("stopped unexpectedly").contains("exit code 0");
        assertThat(gap.endedAt()).isAfter(gap.startedAt());
        List<RecordedSegment> recorded = segments.segments(camera);
        RecordedSegment lastBefore = recorded.stream().filter(segment -> !segment.endedAt().isAfter(gap.endedAt()))
                .reduce((first, second) -> second).orElseThrow();
        assertThat(lastBefore.endedAt().toEpochMilli())
                .as("the gap starts where the recording stopped")
                .isCloseTo(gap.startedAt().toEpochMilli(), Offset.offset(500L));
        RecordedSegment firstAfter = recorded.stream().filter(segment -> segment.startedAt().isAfter(gap.startedAt()))
                .findFirst().orElseThrow();
        assertThat(firstAfter.startedAt().toEpochMilli())
                .as("the gap ends where the recording resumed")
                .isCloseTo(gap.endedAt().toEpochMilli(), Offset.offset(500L));
        assertThat(probe.probe(firstAfter.path()).video()).isPresent();
        assertThat(tap.events).as("the tap sees each run begin, deliver and end, as the recorder does")
                .startsWith("started " + camera, "fragment " + camera).contains("ended " + camera)
                .containsSubsequence("ended " + camera, "started " + camera, "fragment " + camera);
    }

    private CameraRecorder recorderWithTwoSecondSegments() {
        var writers = new SegmentWriters(new RecordingProperties(storage.toString(), 2, null, true), clock, segments);
        return new CameraRecorder(supervisor, processes, writers, gaps, segments, media, List.of(tap));
    }

    /** Notes what a {@link StreamTap} is told, in order. */
    private static final class CountingTap implements StreamTap {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void streamStarted(long cameraId, Mp4InitSegment init) {
            events.add("started " + cameraId);
        }

        @Override
        public void fragmentArrived(long cameraId, Mp4Fragment fragment) {
            if (!events.getLast().equals("fragment " + cameraId)) events.add("fragment " + cameraId);
        }

        @Override
        public void streamEnded(long cameraId) {
            events.add("ended " + cameraId);
        }
    }

    private List<Path> openFiles() {
        try (Stream<Path> files = Files.walk(storage)) {
            return files.filter(file -> file.toString().endsWith(SegmentFiles.PART)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

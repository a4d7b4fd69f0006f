package org.atalaya.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.atalaya.media.FragmentedMp4Reader;
import org.atalaya.media.MediaInfo;
import org.atalaya.media.MediaProbe;
import org.atalaya.media.Mp4Fragment;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.MovableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

@AtalayaTest
class SegmentWriterTest {

    private static final Instant FIRST_FRAGMENT = Instant.parse("2026-11-29T04:59:58Z");

    @Autowired
    SegmentIndex index;

    @Autowired
    MediaProbe probe;

    @TempDir
    Path storage;

    @Test
    void cutsTheStreamIntoIndexedPlayableSegmentsAtKeyframes() throws Exception {
        long camera = newCameraId();
        record(camera, RecordingStreams.eightSeconds().fragments());

        List<RecordedSegment> segments = index.segments(camera);
        assertThat(segments).hasSize(3);
        try (Stream<Path> files = Files.walk(storage)) {
            assertThat(files.filter(Files::isRegularFile).map(Path::toString))
                    .hasSize(3).allMatch(name -> name.endsWith(".mp4"));
        }
        assertThat(segments.getFirst().startedAt()).isEqualTo(FIRST_FRAGMENT);
        assertThat(segments.get(0).path().getParent())
                .isEqualTo(storage.resolve(camera + "/2026/11/29/04").toAbsolutePath());
        assertThat(segments.get(1).path().getParent())
                .isEqualTo(storage.resolve(camera + "/2026/11/29/05").toAbsolutePath());
        assertThat(segments.get(0).path().getFileName().toString())
                .isEqualTo(FIRST_FRAGMENT.toEpochMilli() + ".mp4");

        long totalMillis = 0;
        for (int i = 0; i < segments.size(); i++) {
            RecordedSegment segment = segments.get(i);
            byte[] file = Files.readAllBytes(segment.path());
            assertThat(segment.bytes()).isEqualTo(file.length);
            assertThat(segment.sha256()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(file));
            FragmentedMp4Reader reader = new FragmentedMp4Reader(new ByteArrayInputStream(file), 64 << 20);
            assertThat(reader.nextFragment()).get().extracting(Mp4Fragment::startsWithKeyframe).isEqualTo(true);
            if (i < segments.size() - 1) {
                assertThat(segment.duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
                assertThat(segment.endedAt()).isEqualTo(segments.get(i + 1).startedAt());
            }
            MediaInfo info = probe.probe(segment.path());
            assertThat(info.video()).get().extracting(MediaInfo.Stream::codec).isEqualTo("h264");
            // the fragments keep the stream's decode times, so ffprobe counts from the stream's start
            assertThat(info.duration().toMillis()).isCloseTo(
                    Duration.between(FIRST_FRAGMENT, segment.endedAt()).toMillis(), Offset.offset(100L));
            totalMillis += segment.duration().toMillis();
        }
        assertThat(totalMillis).isCloseTo(RecordingStreams.SECONDS * 1000L,
                Percentage.withPercentage(2));
    }

    @Test
    void dropsFragmentsBeforeTheFirstKeyframe() {
        long camera = newCameraId();
        List<Mp4Fragment> fragments = RecordingStreams.eightSeconds().fragments();
        List<Mp4Fragment> fromDelta = fragments.subList(
                fragments.indexOf(fragments.stream().filter(f -> !f.startsWithKeyframe()).findFirst().orElseThrow()),
                fragments.size());
        record(camera, fromDelta);

        List<RecordedSegment> segments = index.segments(camera);
        assertThat(segments).isNotEmpty();
        Mp4Fragment firstKeyframe = fromDelta.stream().filter(Mp4Fragment::startsWithKeyframe).findFirst()
                .orElseThrow();
        Mp4Fragment last = fromDelta.getLast();
        long expected = last.start().plus(last.length()).minus(firstKeyframe.start()).toMillis();
        assertThat(segments.stream().mapToLong(segment -> segment.duration().toMillis()).sum())
                .isCloseTo(expected, Offset.offset(5L));
    }

    @Test
    void explainsAWriteFailureAndIndexesNothing() throws IOException {
        long camera = newCameraId();
        Path notAFolder = Files.writeString(storage.resolve("occupied"), "a file where the folder should be");
        SegmentWriter writer = new SegmentWriter(camera, notAFolder, Duration.ofSeconds(3), Duration.ofSeconds(1),
                new MovableClock(FIRST_FRAGMENT), index);
        writer.start(RecordingStreams.eightSeconds().init());

        assertThatThrownBy(() -> writer.write(RecordingStreams.eightSeconds().fragments().getFirst()))
                .isInstanceOf(RecordingWriteException.class)
                .hasMessageContaining("camera " + camera);
        assertThat(index.segments(camera)).isEmpty();
    }

    private void record(long camera, List<Mp4Fragment> fragments) {
        MovableClock clock = new MovableClock(FIRST_FRAGMENT);
        try (SegmentWriter writer = new SegmentWriter(camera, storage, Duration.ofSeconds(3), Duration.ofSeconds(1),
                clock, index)) {
            writer.start(RecordingStreams.eightSeconds().init());
            for (Mp4Fragment fragment : fragments) {
                writer.write(fragment);
                clock.advance(fragment.length());
            }
        }
    }

    static long newCameraId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }
}

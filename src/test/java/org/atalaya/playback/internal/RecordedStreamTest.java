package org.atalaya.playback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.atalaya.media.FragmentedMp4Reader;
import org.atalaya.media.Mp4Fragment;
import org.atalaya.media.Mp4InitSegment;
import org.atalaya.recording.RecordedSegment;
import org.atalaya.recording.RecordingStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stream built from segment files, read back box by box: where it starts, its timeline and where it stops. */
class RecordedStreamTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final long MAX_BOX = 64 << 20;

    @TempDir
    Path folder;

    @Test
    void startsAtTheKeyframeBeforeTheStartWithOneContinuousTimelineAcrossSegmentFiles() throws IOException {
        RecordingStreams.Stream stream = PlaybackFixtures.stream();
        List<RecordedSegment> files = List.of(
                segment(stream, T0, fragment -> seconds(fragment) < 10),
                segment(stream, T0.plusSeconds(10), fragment -> seconds(fragment) >= 10 && seconds(fragment) < 20));

        Played played = play(new RecordedStream(files, T0.plusMillis(3_500), T0.plusSeconds(15), MAX_BOX));

        assertThat(played.fragments().getFirst().startsWithKeyframe()).isTrue();
        assertThat(played.fragments().getFirst().decodeTime()).isZero();
        assertContinuous(played.fragments());
        assertThat(played.endMillis()).as("from the keyframe at 3 s to the last fragment that starts before 15 s")
                .isBetween(12_000L, 12_500L);
    }

    @Test
    void aGapBetweenRunsIsAJumpForwardOnTheTimeline() throws IOException {
        RecordingStreams.Stream stream = PlaybackFixtures.stream();
        List<RecordedSegment> files = List.of(
                segment(stream, T0, fragment -> seconds(fragment) < 10),
                segment(stream, T0.plusSeconds(14), fragment -> seconds(fragment) < 10));

        List<Mp4Fragment> fragments = play(new RecordedStream(files, T0.plusSeconds(8), T0.plusSeconds(16), MAX_BOX))
                .fragments();

        Mp4Fragment afterGap = fragments.stream().filter(fragment -> fragment.start().compareTo(Duration.ofSeconds(2)) >= 0)
                .findFirst().orElseThrow();
        assertThat(Math.round(afterGap.start().toNanos() / 1e6)).as("the new run began 6 s after the first played")
                .isEqualTo(6_000);
        assertThat(afterGap.startsWithKeyframe()).isTrue();
        assertContinuous(fragments.subList(0, fragments.indexOf(afterGap)));
    }

    @Test
    void endsWhereTheCamerasStreamChanged() throws IOException {
        RecordingStreams.Stream stream = PlaybackFixtures.stream();
        RecordingStreams.Stream smaller = RecordingStreams.of("320x180", 4);
        List<RecordedSegment> files = List.of(
                segment(stream, T0, fragment -> seconds(fragment) < 10),
                segment(smaller, T0.plusSeconds(10), fragment -> true));

        Played played = play(new RecordedStream(files, T0.plusSeconds(5), T0.plusSeconds(13), MAX_BOX));

        assertThat(played.init().primaryTrack().width()).isEqualTo(640);
        assertThat(played.endMillis()).as("from the keyframe at 5 s to the end of the first file").isEqualTo(5_000);
    }

    private record Played(Mp4InitSegment init, List<Mp4Fragment> fragments) {

        /** Where the last fragment ends, to the nearest millisecond (timescale units are not whole nanoseconds). */
        long endMillis() {
            Mp4Fragment last = fragments.getLast();
            return Math.round(last.start().plus(last.length()).toNanos() / 1e6);
        }
    }

    private static Played play(RecordedStream stream) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stream.writeTo(out);
        FragmentedMp4Reader reader = new FragmentedMp4Reader(new ByteArrayInputStream(out.toByteArray()), MAX_BOX);
        List<Mp4Fragment> fragments = new ArrayList<>();
        Optional<Mp4Fragment> fragment;
        while ((fragment = reader.nextFragment()).isPresent()) fragments.add(fragment.get());
        return new Played(reader.initSegment(), fragments);
    }

    private static void assertContinuous(List<Mp4Fragment> fragments) {
        for (int i = 1; i < fragments.size(); i++) {
            Mp4Fragment previous = fragments.get(i - 1);
            assertThat(fragments.get(i).decodeTime()).isEqualTo(previous.decodeTime() + previous.duration());
        }
    }

    private static double seconds(Mp4Fragment fragment) {
        return fragment.start().toNanos() / 1e9;
    }

    /** A segment file as the recorder writes it: the init segment, then the chosen fragments unchanged. */
    private RecordedSegment segment(RecordingStreams.Stream stream, Instant startedAt, Predicate<Mp4Fragment> chosen)
            throws IOException {
        List<Mp4Fragment> fragments = stream.fragments().stream().filter(chosen).toList();
        Path file = folder.resolve(startedAt.toEpochMilli() + ".mp4");
        try (OutputStream out = Files.newOutputStream(file)) {
            WritableByteChannel channel = Channels.newChannel(out);
            write(channel, stream.init().content());
            for (Mp4Fragment fragment : fragments) write(channel, fragment.content());
        }
        Duration length = fragments.getLast().start().plus(fragments.getLast().length()).minus(fragments.getFirst().start());
        return new RecordedSegment(1, startedAt, startedAt.plus(length), Files.size(file), new byte[32], file);
    }

    private static void write(WritableByteChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) channel.write(bytes);
    }
}

package org.atalaya.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.assertj.core.data.Offset;
import org.atalaya.media.MediaInfo;
import org.atalaya.media.MediaProbe;
import org.atalaya.media.Mp4Fragment;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.MovableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

@AtalayaTest
class ReconcilerTest {

    private static final Instant STARTED = Instant.parse("2026-11-29T03:10:00.250Z");

    @Autowired
    Reconciler reconciler;

    @Autowired
    SegmentIndex index;

    @Autowired
    MediaProbe probe;

    @TempDir
    Path storage;

    @Test
    void cutsAFileLeftOpenByACrashBackToItsLastWholeFragmentAndIndexesIt() throws Exception {
        long camera = SegmentWriterTest.newCameraId();
        List<Mp4Fragment> fragments = RecordingStreams.eightSeconds().fragments();
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.writeBytes(RecordingStreams.bytesOf(RecordingStreams.eightSeconds().init().content()));
        for (Mp4Fragment fragment : fragments.subList(0, 4)) {
            whole.writeBytes(RecordingStreams.bytesOf(fragment.content()));
        }
        byte[] next = RecordingStreams.bytesOf(fragments.get(4).content());
        Path part = openFile(camera, STARTED);
        Files.write(part, whole.toByteArray());
        Files.write(part, Arrays.copyOf(next, next.length / 2), StandardOpenOption.APPEND);

        Reconciler.Outcome outcome = reconciler.reconcile(storage);

        assertThat(outcome).isEqualTo(new Reconciler.Outcome(1, 0, 0, 0));
        Path finished = part.resolveSibling(STARTED.toEpochMilli() + ".mp4");
        assertThat(part).doesNotExist();
        assertThat(Files.readAllBytes(finished)).isEqualTo(whole.toByteArray());
        RecordedSegment segment = index.segments(camera).getFirst();
        assertThat(segment.path()).isEqualTo(finished.toAbsolutePath());
        assertThat(segment.startedAt()).isEqualTo(STARTED);
        Duration expected = fragments.get(3).start().plus(fragments.get(3).length()).minus(fragments.get(0).start());
        assertThat(segment.duration().toMillis()).isCloseTo(expected.toMillis(), Offset.offset(1L));
        assertThat(segment.sha256()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(whole.toByteArray()));
        assertThat(probe.probe(finished).video()).get().extracting(MediaInfo.Stream::codec).isEqualTo("h264");

        assertThat(reconciler.reconcile(storage)).isEqualTo(new Reconciler.Outcome(0, 0, 0, 0));
        assertThat(index.segments(camera)).hasSize(1);
    }

    @Test
    void removesAnOpenFileWithoutAWholeFragment() throws Exception {
        long camera = SegmentWriterTest.newCameraId();
        byte[] init = RecordingStreams.bytesOf(RecordingStreams.eightSeconds().init().content());
        byte[] first = RecordingStreams.bytesOf(RecordingStreams.eightSeconds().fragments().getFirst().content());
        Path part = openFile(camera, STARTED);
        Files.write(part, init);
        Files.write(part, Arrays.copyOf(first, first.length - 1), StandardOpenOption.APPEND);

        assertThat(reconciler.reconcile(storage)).isEqualTo(new Reconciler.Outcome(0, 1, 0, 0));
        assertThat(part).doesNotExist();
        assertThat(index.segments(camera)).isEmpty();
    }

    @Test
    void indexesFilesWithoutRowsAndMarksRowsWithoutFilesMissing() throws Exception {
        long camera = SegmentWriterTest.newCameraId();
        MovableClock clock = new MovableClock(STARTED);
        try (SegmentWriter writer = new SegmentWriter(camera, storage, Duration.ofSeconds(3), Duration.ofSeconds(1),
                clock, index)) {
            writer.start(RecordingStreams.eightSeconds().init());
            for (Mp4Fragment fragment : RecordingStreams.eightSeconds().fragments()) writer.write(fragment);
        }
        List<RecordedSegment> written = index.segments(camera);
        assertThat(written).hasSize(3);
        Path vanished = written.get(0).path();
        Files.delete(vanished);
        long unindexedCamera = SegmentWriterTest.newCameraId();
        RecordedSegment copied = written.get(1);
        Path unindexed = SegmentFiles.folder(storage, unindexedCamera, copied.startedAt())
                .resolve(copied.startedAt().toEpochMilli() + ".mp4");
        Files.createDirectories(unindexed.getParent());
        Files.copy(copied.path(), unindexed);

        assertThat(reconciler.reconcile(storage)).isEqualTo(new Reconciler.Outcome(0, 0, 1, 1));

        assertThat(index.status(vanished)).contains(SegmentStatus.MISSING);
        assertThat(index.status(written.get(1).path())).contains(SegmentStatus.COMPLETE);
        RecordedSegment found = index.segments(unindexedCamera).getFirst();
        assertThat(found.path()).isEqualTo(unindexed.toAbsolutePath());
        assertThat(found.sha256()).isEqualTo(copied.sha256());
        assertThat(found.bytes()).isEqualTo(copied.bytes());
        assertThat(found.startedAt()).isEqualTo(copied.startedAt());
        assertThat(found.duration().toMillis()).isCloseTo(copied.duration().toMillis(), Offset.offset(1L));

        assertThat(reconciler.reconcile(storage)).isEqualTo(new Reconciler.Outcome(0, 0, 0, 0));
    }

    private Path openFile(long camera, Instant startedAt) throws Exception {
        Path folder = SegmentFiles.folder(storage, camera, startedAt);
        Files.createDirectories(folder);
        return folder.resolve(startedAt.toEpochMilli() + ".mp4.part");
    }
}

package org.atalaya.recording.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.atalaya.audit.AuditLog;
import org.atalaya.camera.CameraCatalog;
import org.atalaya.camera.RegisteredCamera;
import org.atalaya.recording.RecordedSegment;
import org.atalaya.recording.RetentionProperties;
import org.atalaya.recording.SegmentIndex;
import org.atalaya.recording.StorageExhausted;
import org.atalaya.recording.StorageRecovered;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.MovableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/** Retention against real files and the real index: age, free-space floor, usage cap, legal holds, audit. */
@AtalayaTest
class RetentionSweepTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final int SEGMENT_BYTES = 1000;

    @Autowired
    SegmentIndex index;
    @Autowired
    RetentionStore store;
    @Autowired
    LegalHoldStore holds;
    @Autowired
    AuditLog audit;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path storage;

    private final MovableClock clock = new MovableClock(NOW);
    private final List<Object> published = new ArrayList<>();
    private final List<RegisteredCamera> cameras = new ArrayList<>();
    /** The fake file system: its size; what is free is this less what the segment files under storage take. */
    private final AtomicLong capacity = new AtomicLong(Long.MAX_VALUE / 2);

    @Test
    void ageRuleDeletesExactlyTheOldSegmentsOfThatCameraAndLeavesTheOthers() throws Exception {
        long shortLived = camera(7);
        long longLived = camera(30);
        RecordedSegment tenDaysOld = segment(shortLived, NOW.minus(Duration.ofDays(10)));
        RecordedSegment eightDaysOld = segment(shortLived, NOW.minus(Duration.ofDays(8)));
        RecordedSegment sixDaysOld = segment(shortLived, NOW.minus(Duration.ofDays(6)));
        RecordedSegment otherCamera = segment(longLived, NOW.minus(Duration.ofDays(10)));

        RetentionSweep.Outcome outcome = sweep(DataSize.ofBytes(0), null).run();

        assertThat(outcome).isEqualTo(new RetentionSweep.Outcome(2, 0, false));
        assertThat(tenDaysOld.path()).doesNotExist();
        assertThat(eightDaysOld.path()).doesNotExist();
        assertThat(sixDaysOld.path()).exists();
        assertThat(otherCamera.path()).exists();
        assertThat(index.segments(shortLived)).extracting(RecordedSegment::path).containsExactly(sixDaysOld.path());
        assertThat(index.segments(longLived)).extracting(RecordedSegment::path).containsExactly(otherCamera.path());

        List<Deletion> entries = deletions(shortLived);
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst().rule()).isEqualTo("age");
        assertThat(entries.getFirst().count()).isEqualTo("2");
        assertThat(entries.getFirst().from()).isEqualTo(tenDaysOld.startedAt().toString());
        assertThat(entries.getFirst().to()).isEqualTo(eightDaysOld.endedAt().toString());
        assertThat(entries.getFirst().segments()).contains(hex(tenDaysOld), hex(eightDaysOld))
                .doesNotContain(hex(sixDaysOld));
        assertThat(deletions(longLived)).isEmpty();
        assertThat(tenDaysOld.path().getParent()).as("the emptied hour folder is removed").doesNotExist();
        assertThat(storage.resolve(Long.toString(shortLived))).exists();
    }

    @Test
    void heldSegmentsSurviveEveryRule() throws Exception {
        long camera = camera(1);
        RecordedSegment before = segment(camera, NOW.minus(Duration.ofDays(5)));
        RecordedSegment held = segment(camera, NOW.minus(Duration.ofDays(4)));
        RecordedSegment touchingHold = segment(camera, NOW.minus(Duration.ofDays(4)).plusSeconds(60));
        RecordedSegment after = segment(camera, NOW.minus(Duration.ofDays(3)));
        hold(camera, held.startedAt().plusSeconds(10), touchingHold.startedAt());
        long released = hold(camera, before.startedAt(), before.endedAt());
        holds.release(released, "tester", NOW, "case closed");
        capacity.set(0);

        RetentionSweep.Outcome outcome = sweep(DataSize.ofGigabytes(1), DataSize.ofBytes(0)).run();

        assertThat(before.path()).doesNotExist();
        assertThat(after.path()).doesNotExist();
        assertThat(held.path()).exists();
        assertThat(touchingHold.path()).exists();
        assertThat(index.segments(camera)).extracting(RecordedSegment::path)
                .containsExactly(held.path(), touchingHold.path());
        assertThat(outcome).isEqualTo(new RetentionSweep.Outcome(2, 0, true));
    }

    @Test
    void belowTheFloorTheOldestSegmentsOfAnyCameraGoFirstUntilItHolds() throws Exception {
        long first = camera(365);
        long second = camera(365);
        RecordedSegment oldest = segment(first, NOW.minus(Duration.ofHours(5)));
        RecordedSegment secondOldest = segment(second, NOW.minus(Duration.ofHours(4)));
        RecordedSegment thirdOldest = segment(first, NOW.minus(Duration.ofHours(3)));
        RecordedSegment newer = segment(second, NOW.minus(Duration.ofHours(2)));
        RecordedSegment newest = segment(first, NOW.minus(Duration.ofHours(1)));
        long floor = 10_000;
        capacity.set(floor + 5 * SEGMENT_BYTES - 2500);

        RetentionSweep.Outcome outcome = sweep(DataSize.ofBytes(floor), null).run();

        assertThat(outcome).isEqualTo(new RetentionSweep.Outcome(0, 3, false));
        assertThat(List.of(oldest, secondOldest, thirdOldest)).allSatisfy(gone -> assertThat(gone.path()).doesNotExist());
        assertThat(List.of(newer, newest)).allSatisfy(kept -> assertThat(kept.path()).exists());
        assertThat(free()).isGreaterThanOrEqualTo(floor);
        assertThat(deletions(first)).singleElement().satisfies(entry -> {
            assertThat(entry.rule()).isEqualTo("free-space floor");
            assertThat(entry.segments()).contains(hex(oldest), hex(thirdOldest));
        });
        assertThat(deletions(second)).singleElement().satisfies(entry ->
                assertThat(entry.segments()).contains(hex(secondOldest)).doesNotContain(hex(newer)));
        assertThat(published).isEmpty();
    }

    @Test
    void whenOnlyHeldFootageIsLeftRecordingStopsOnceAndStartsAgainWhenThereIsRoom() throws Exception {
        long camera = camera(365);
        RecordedSegment deletable = segment(camera, NOW.minus(Duration.ofHours(3)));
        RecordedSegment held = segment(camera, NOW.minus(Duration.ofHours(2)));
        hold(camera, held.startedAt(), held.endedAt());
        long floor = 10_000;
        capacity.set(floor);
        RetentionSweep sweep = sweep(DataSize.ofBytes(floor), null);

        assertThat(sweep.run()).isEqualTo(new RetentionSweep.Outcome(0, 1, true));
        assertThat(sweep.run().exhausted()).isTrue();

        assertThat(deletable.path()).doesNotExist();
        assertThat(held.path()).exists();
        assertThat(published).singleElement().isInstanceOfSatisfying(StorageExhausted.class, event -> {
            assertThat(event.storage()).isEqualTo(storage.toAbsolutePath().normalize());
            assertThat(event.at()).isEqualTo(NOW);
            assertThat(event.reason()).contains("below the floor").contains("legal hold");
        });

        capacity.addAndGet(2 * SEGMENT_BYTES);
        clock.advance(Duration.ofMinutes(1));
        assertThat(sweep.run()).isEqualTo(new RetentionSweep.Outcome(0, 0, false));
        assertThat(sweep.run().exhausted()).isFalse();

        assertThat(published).hasSize(2);
        assertThat(published.getLast()).isEqualTo(new StorageRecovered(storage.toAbsolutePath().normalize(),
                NOW.plus(Duration.ofMinutes(1))));
        assertThat(held.path()).exists();
    }

    @Test
    void aboveTheUsageCapTheOldestSegmentsAreDeleted() throws Exception {
        long camera = camera(365);
        List<RecordedSegment> segments = new ArrayList<>();
        for (int hour = 5; hour >= 1; hour--) segments.add(segment(camera, NOW.minus(Duration.ofHours(hour))));

        RetentionSweep.Outcome outcome = sweep(DataSize.ofBytes(0), DataSize.ofBytes(2500)).run();

        assertThat(outcome).isEqualTo(new RetentionSweep.Outcome(0, 3, false));
        assertThat(index.segments(camera)).extracting(RecordedSegment::path)
                .containsExactly(segments.get(3).path(), segments.get(4).path());
        assertThat(store.indexedBytes(storage)).isEqualTo(2L * SEGMENT_BYTES);
        assertThat(deletions(camera)).singleElement().extracting(Deletion::rule).isEqualTo("usage cap");
    }

    @Test
    void aCameraThatLosesManySegmentsGetsOneAuditEntryPerHundred() throws Exception {
        long camera = camera(1);
        List<RecordedSegment> segments = new ArrayList<>();
        for (int minute = 0; minute < 130; minute++) {
            segments.add(segment(camera, NOW.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(minute))));
        }

        assertThat(sweep(DataSize.ofBytes(0), null).run().deletedForAge()).isEqualTo(130);

        List<Deletion> entries = deletions(camera);
        assertThat(entries).extracting(Deletion::count).containsExactly("100", "30");
        String all = entries.get(0).segments() + "\n" + entries.get(1).segments();
        assertThat(all.lines()).hasSize(130);
        assertThat(segments).allSatisfy(segment -> assertThat(all).contains(
                segment.startedAt() + "/" + segment.endedAt() + " " + hex(segment)));
        assertThat(storage.resolve(camera + "/2026/11")).as("past hours and days go, the current month stays")
                .isEmptyDirectory();
    }

    @Test
    void freeSpaceOfAFolderNotMadeYetIsThatOfItsNearestParent() throws Exception {
        assertThat(new StorageSpaceOfFileStore().usableBytes(storage.resolve("not/made/yet"))).isPositive();
    }

    private RetentionSweep sweep(DataSize floor, DataSize cap) {
        CameraCatalog catalog = new CameraCatalog() {
            @Override
            public List<RegisteredCamera> all() {
                return List.copyOf(cameras);
            }

            @Override
            public Optional<RegisteredCamera> find(long cameraId) {
                return cameras.stream().filter(camera -> camera.id() == cameraId).findFirst();
            }
        };
        return new RetentionSweep(storage, new RetentionProperties(floor, cap, null), folder -> free(), store, holds,
                catalog, audit, published::add, new TransactionTemplate(transactionManager), clock);
    }

    private long free() throws IOException {
        try (Stream<Path> files = Files.walk(storage)) {
            long used = files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
            return capacity.get() - used;
        }
    }

    private long camera(int retentionDays) {
        long id = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        cameras.add(new RegisteredCamera(id, "Retention " + id, "retention-tests", true, true, retentionDays,
                null, null, null, null, null, false, false));
        return id;
    }

    /** A one-minute segment file of random bytes in the storage layout, indexed. */
    private RecordedSegment segment(long camera, Instant start) throws Exception {
        Path folder = storage.resolve("%d/%tY/%<tm/%<td/%<tH".formatted(camera, start.atZone(ZoneOffset.UTC)));
        Files.createDirectories(folder);
        byte[] content = new byte[SEGMENT_BYTES];
        ThreadLocalRandom.current().nextBytes(content);
        Path file = folder.resolve(start.toEpochMilli() + ".mp4");
        Files.write(file, content);
        RecordedSegment segment = new RecordedSegment(camera, start, start.plusSeconds(60), content.length,
                MessageDigest.getInstance("SHA-256").digest(content), file);
        index.add(segment);
        return segment;
    }

    private long hold(long camera, Instant from, Instant to) {
        return holds.insert(camera, from, to, "evidence for the tests", "T-1", "tester", NOW);
    }

    private static String hex(RecordedSegment segment) {
        return HexFormat.of().formatHex(segment.sha256());
    }

    record Deletion(String rule, String count, String from, String to, String segments) {
    }

    private List<Deletion> deletions(long camera) {
        return jdbc.sql("""
                        SELECT details->>'rule', details->>'count', details->>'from', details->>'to', details->>'segments'
                        FROM audit_entry WHERE action = 'recording.delete' AND target = :target ORDER BY seq""")
                .param("target", "camera:" + camera)
                .query((row, number) -> new Deletion(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5)))
                .list();
    }
}

package org.atalaya.recording.internal;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.camera.CameraCatalog;
import org.atalaya.camera.RegisteredCamera;
import org.atalaya.recording.RetentionProperties;
import org.atalaya.recording.StorageExhausted;
import org.atalaya.recording.StorageRecovered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * One recordings folder's retention: first each camera's segments older than its retention, then, while the file
 * system's free space is below the floor or the indexed segments exceed the cap, the oldest segments of any camera.
 * Segments an active legal hold covers are never deleted. Each deletion removes the file, then the index rows and
 * one audit entry (per camera, at most {@value #AUDIT_CHUNK} segments) in one transaction. When nothing deletable is
 * left and the folder still lacks room, {@link StorageExhausted} is published once; {@link StorageRecovered} follows
 * when there is room again.
 */
final class RetentionSweep {

    static final int AUDIT_CHUNK = 100;

    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

    private final Path storage;
    private final RetentionProperties properties;
    private final StorageSpace space;
    private final RetentionStore store;
    private final LegalHoldStore holds;
    private final CameraCatalog cameras;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    private boolean exhausted;

    /**
     * What one sweep did.
     *
     * @param deletedForAge   segments older than their camera's retention
     * @param deletedForSpace segments deleted to keep the free-space floor or the usage cap
     * @param exhausted       whether the folder lacks room that retention may free
     */
    record Outcome(int deletedForAge, int deletedForSpace, boolean exhausted) {
    }

    RetentionSweep(Path storage, RetentionProperties properties, StorageSpace space, RetentionStore store,
                   LegalHoldStore holds, CameraCatalog cameras, AuditLog audit, ApplicationEventPublisher events,
                   TransactionTemplate transactions, Clock clock) {
        this.storage = storage.toAbsolutePath().normalize();
        this.properties = properties;
        this.space = space;
        this.store = store;
        this.holds = holds;
        this.cameras = cameras;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    synchronized Outcome run() throws IOException {
        int byAge = deleteExpired();
        int forSpace = makeRoom();
        return new Outcome(byAge, forSpace, exhausted);
    }

    private int deleteExpired() {
        Instant now = clock.instant();
        int deleted = 0;
        for (RegisteredCamera camera : cameras.all()) {
            Instant cutoff = now.minus(Duration.ofDays(camera.retentionDays()));
            RetentionCandidate.Cursor cursor = RetentionCandidate.Cursor.START;
            List<RetentionCandidate> page;
            while (!(page = store.expired(storage, camera.id(), cutoff, cursor, AUDIT_CHUNK)).isEmpty()) {
                deleted += delete(camera.id(), page, RetentionRule.AGE);
                cursor = page.getLast().cursor();
            }
        }
        return deleted;
    }

    private int makeRoom() throws IOException {
        int deleted = 0;
        RetentionCandidate.Cursor cursor = RetentionCandidate.Cursor.START;
        while (true) {
            Room room = measure();
            if (room.enough()) {
                if (exhausted) recovered();
                return deleted;
            }
            List<RetentionCandidate> chosen = new ArrayList<>();
            long freed = 0;
            while (freed < room.shortfall()) {
                List<RetentionCandidate> page = store.oldestOnDisk(storage, cursor, AUDIT_CHUNK);
                if (page.isEmpty()) break;
                for (RetentionCandidate candidate : page) {
                    chosen.add(candidate);
                    freed += candidate.bytes();
                    cursor = candidate.cursor();
                    if (freed >= room.shortfall()) break;
                }
            }
            if (chosen.isEmpty()) {
                if (!exhausted) exhausted(room);
                return deleted;
            }
            RetentionRule rule = room.belowFloor() ? RetentionRule.FREE_SPACE_FLOOR : RetentionRule.USAGE_CAP;
            Map<Long, List<RetentionCandidate>> byCamera = chosen.stream()
                    .collect(Collectors.groupingBy(RetentionCandidate::cameraId, LinkedHashMap::new,
                            Collectors.toList()));
            for (Map.Entry<Long, List<RetentionCandidate>> camera : byCamera.entrySet()) {
                List<RetentionCandidate> segments = camera.getValue();
                for (int from = 0; from < segments.size(); from += AUDIT_CHUNK) {
                    deleted += delete(camera.getKey(), segments.subList(from,
                            Math.min(from + AUDIT_CHUNK, segments.size())), rule);
                }
            }
        }
    }

    /**
     * The free space and the indexed bytes against the floor and the cap.
     *
     * @param shortfall bytes to delete so that both hold
     */
    private record Room(long usable, long floor, long indexed, Long cap) {

        boolean belowFloor() {
            return usable < floor;
        }

        boolean overCap() {
            return cap != null && indexed > cap;
        }

        boolean enough() {
            return !belowFloor() && !overCap();
        }

        long shortfall() {
            return Math.max(floor - usable, cap == null ? 0 : indexed - cap);
        }
    }

    private Room measure() throws IOException {
        DataSize cap = properties.usageCap();
        return new Room(space.usableBytes(storage), properties.freeSpaceFloor().toBytes(), store.indexedBytes(storage),
                cap == null ? null : cap.toBytes());
    }

    /** Deletes the files, then their rows with one audit entry; returns how many segments went. */
    private int delete(long cameraId, List<RetentionCandidate> segments, RetentionRule rule) {
        List<RetentionCandidate> deleted = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            holds.lockCamera(cameraId);
            Set<Long> held = store.heldAmong(segments.stream().map(RetentionCandidate::id).toList());
            for (RetentionCandidate segment : segments) {
                if (held.contains(segment.id())) continue;
                try {
                    Files.deleteIfExists(segment.path());
                    deleted.add(segment);
                } catch (IOException e) {
                    log.warn("Retention could not delete {}: {}", segment.path(), e.toString());
                }
            }
            if (deleted.isEmpty()) return;
            store.delete(deleted.stream().map(RetentionCandidate::id).toList());
            audit.record(auditEntry(cameraId, deleted, rule));
        });
        removeEmptyFolders(deleted);
        return deleted.size();
    }

    private static AuditEvent auditEntry(long cameraId, List<RetentionCandidate> deleted, RetentionRule rule) {
        HexFormat hex = HexFormat.of();
        String segments = deleted.stream()
                .map(segment -> segment.startedAt() + "/" + segment.endedAt() + " " + hex.formatHex(segment.sha256()))
                .collect(Collectors.joining("\n"));
        Instant from = deleted.stream().map(RetentionCandidate::startedAt).min(Instant::compareTo).orElseThrow();
        Instant to = deleted.stream().map(RetentionCandidate::endedAt).max(Instant::compareTo).orElseThrow();
        return AuditEvent.success("recording.delete", "camera:" + cameraId)
                .with("rule", rule.label)
                .with("from", from.toString())
                .with("to", to.toString())
                .with("count", Integer.toString(deleted.size()))
                .with("bytes", Long.toString(deleted.stream().mapToLong(RetentionCandidate::bytes).sum()))
                .with("segments", segments);
    }

    private void exhausted(Room room) {
        exhausted = true;
        String shortOf = room.belowFloor()
                ? "only %s is free, below the floor of %s".formatted(readable(Math.max(0, room.usable())),
                        readable(room.floor()))
                : "the recordings take %s, above the cap of %s".formatted(readable(room.indexed()),
                        readable(room.cap()));
        String reason = shortOf + ", and nothing is left that retention may delete (what remains is under legal hold)";
        log.warn("Recording stops: the recordings folder {} is full: {}", storage, reason);
        Instant at = clock.instant();
        transactions.executeWithoutResult(status -> events.publishEvent(new StorageExhausted(storage, reason, at)));
    }

    private void recovered() {
        exhausted = false;
        log.info("Recording may start again: the recordings folder {} has room again", storage);
        Instant at = clock.instant();
        transactions.executeWithoutResult(status -> events.publishEvent(new StorageRecovered(storage, at)));
    }

    private static String readable(long bytes) {
        if (bytes >= 1L << 30) return "%.1f GB".formatted(bytes / (double) (1L << 30));
        if (bytes >= 1L << 20) return "%.1f MB".formatted(bytes / (double) (1L << 20));
        return bytes + " bytes";
    }

    /**
     * Removes the hour, day, month and year folders the deleted files leave empty, but only those whose period is
     * over, so a folder a recorder is about to write into is never pulled away.
     */
    private void removeEmptyFolders(List<RetentionCandidate> deleted) {
        ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
        Map<Path, Instant> folders = new LinkedHashMap<>();
        for (RetentionCandidate segment : deleted) folders.putIfAbsent(segment.path().getParent(), segment.startedAt());
        folders.forEach((hourFolder, startedAt) -> {
            ZonedDateTime start = startedAt.atZone(ZoneOffset.UTC);
            List<ZonedDateTime> periodEnds = List.of(
                    start.truncatedTo(ChronoUnit.HOURS).plusHours(1),
                    start.truncatedTo(ChronoUnit.DAYS).plusDays(1),
                    start.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).plusMonths(1),
                    start.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1).plusYears(1));
            Path folder = hourFolder;
            for (ZonedDateTime end : periodEnds) {
                boolean cameraFolderOrAbove = folder.getNameCount() <= storage.getNameCount() + 1;
                if (end.isAfter(now) || !folder.startsWith(storage) || cameraFolderOrAbove) return;
                try {
                    Files.delete(folder);
                } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                    return;
                } catch (IOException e) {
                    log.debug("Could not remove the empty folder {}: {}", folder, e.toString());
                    return;
                }
                folder = folder.getParent();
            }
        });
    }
}

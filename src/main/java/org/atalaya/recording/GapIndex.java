package org.atalaya.recording;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The database record of the gaps in each camera's recording ({@code recording_gap}). */
@Component
public class GapIndex {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    GapIndex(JdbcClient jdbc, ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Records the gap and publishes it as an event, in one transaction (the caller's, if it has one). */
    public void add(RecordingGap gap) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                            INSERT INTO recording_gap (camera_id, started_at, ended_at, reason)
                            VALUES (:camera, :started, :ended, :reason)""")
                    .param("camera", gap.cameraId())
                    .param("started", Timestamp.from(gap.startedAt()))
                    .param("ended", Timestamp.from(gap.endedAt()))
                    .param("reason", gap.reason())
                    .update();
            events.publishEvent(gap);
        });
    }

    /** A camera's gaps, oldest first. */
    public List<RecordingGap> gaps(long cameraId) {
        return jdbc.sql("""
                        SELECT started_at, ended_at, reason FROM recording_gap
                        WHERE camera_id = :camera ORDER BY started_at""")
                .param("camera", cameraId)
                .query((row, number) -> new RecordingGap(cameraId, row.getTimestamp("started_at").toInstant(),
                        row.getTimestamp("ended_at").toInstant(), row.getString("reason")))
                .list();
    }

    /** A camera's gaps that overlap {@code [from, to)}, oldest first, with their full extent. */
    public List<RecordingGap> overlapping(long cameraId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT started_at, ended_at, reason FROM recording_gap
                        WHERE camera_id = :camera AND ended_at > :from AND started_at < :to ORDER BY started_at""")
                .param("camera", cameraId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((row, number) -> new RecordingGap(cameraId, row.getTimestamp("started_at").toInstant(),
                        row.getTimestamp("ended_at").toInstant(), row.getString("reason")))
                .list();
    }
}

package org.atalaya.audit.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads the log for auditors: filtered pages (newest first, keyset by sequence), single entries, status, exports. */
@Repository
class AuditReadModel {

    private static final int EXPORT_FETCH_SIZE = 1000;

    private final JdbcClient jdbc;
    private final JdbcClient streamingJdbc;
    private final TransactionTemplate readOnly;
    private final SigningKeyStore keys;

    AuditReadModel(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactionManager, SigningKeyStore keys) {
        this.jdbc = jdbc;
        var streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(EXPORT_FETCH_SIZE);
        this.streamingJdbc = JdbcClient.create(streaming);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.keys = keys;
    }

    /** One page of matching entries, newest first; {@code nextBefore} continues the list, or is null at the end. */
    record Page(List<StoredEntry> entries, Long nextBefore) {
    }

    /** How far the log and its signatures have got. */
    record Status(long entries, Optional<Checkpoint> latestCheckpoint, long entriesNotCovered,
                  Optional<Instant> oldestNotCoveredAt, Optional<String> keyId) {

        private static final DateTimeFormatter TO_THE_SECOND =
                DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

        /** When the latest checkpoint was signed, to the second, for people. */
        public String latestSignedAt() {
            return latestCheckpoint.map(checkpoint -> TO_THE_SECOND.format(checkpoint.signedAt())).orElse("");
        }
    }

    Page page(AuditFilter filter, Long before, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        List<String> conditions = conditions(filter, parameters);
        if (before != null) {
            conditions.add("seq < :before");
            parameters.put("before", before);
        }
        parameters.put("limit", limit + 1);
        List<StoredEntry> rows = jdbc.sql("SELECT " + StoredEntry.COLUMNS + " FROM audit_entry" + where(conditions)
                        + " ORDER BY seq DESC LIMIT :limit")
                .params(parameters)
                .query((row, n) -> StoredEntry.read(row))
                .list();
        if (rows.size() <= limit) return new Page(rows, null);
        List<StoredEntry> shown = rows.subList(0, limit);
        return new Page(List.copyOf(shown), shown.getLast().entry().seq());
    }

    Optional<StoredEntry> find(long seq) {
        return jdbc.sql("SELECT " + StoredEntry.COLUMNS + " FROM audit_entry WHERE seq = ?")
                .param(seq)
                .query((row, n) -> StoredEntry.read(row))
                .optional();
    }

    /** Every matching entry, oldest first, streamed from the database in one read-only transaction. */
    void forEach(AuditFilter filter, Consumer<StoredEntry> consumer) {
        Map<String, Object> parameters = new HashMap<>();
        String sql = "SELECT " + StoredEntry.COLUMNS + " FROM audit_entry" + where(conditions(filter, parameters))
                + " ORDER BY seq";
        RowCallbackHandler each = row -> consumer.accept(StoredEntry.read(row));
        readOnly.executeWithoutResult(status -> streamingJdbc.sql(sql).params(parameters).query(each));
    }

    Status status() {
        long entries = jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_entry").query(Long.class).single();
        Optional<Checkpoint> latest = latestCheckpoint();
        long covered = latest.map(Checkpoint::treeSize).orElse(0L);
        long notCovered = Math.max(0, entries - covered);
        Optional<Instant> oldestNotCovered = notCovered == 0 ? Optional.empty()
                : jdbc.sql("SELECT recorded_at FROM audit_entry WHERE seq = ?").param(covered + 1)
                        .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
        return new Status(entries, latest, notCovered, oldestNotCovered, keys.publicKey().map(SigningKeys::keyId));
    }

    Optional<Checkpoint> latestCheckpoint() {
        return checkpoints(null, 1).stream().findFirst();
    }

    /** Checkpoints, largest tree first, below {@code beforeSize} when given. */
    List<Checkpoint> checkpoints(Long beforeSize, int limit) {
        return jdbc.sql("SELECT tree_size, root_hash, signed_at, key_id, signature FROM audit_checkpoint"
                        + (beforeSize == null ? "" : " WHERE tree_size < :before")
                        + " ORDER BY tree_size DESC LIMIT :limit")
                .params(beforeSize == null ? Map.of("limit", limit) : Map.of("limit", limit, "before", beforeSize))
                .query((row, n) -> AuditVerifier.readCheckpoint(row))
                .list();
    }

    private static List<String> conditions(AuditFilter filter, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (filter.from() != null) {
            conditions.add("recorded_at >= :from");
            parameters.put("from", OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            conditions.add("recorded_at < :to");
            parameters.put("to", OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        }
        if (filter.actor() != null) {
            conditions.add("actor = :actor");
            parameters.put("actor", filter.actor());
        }
        if (filter.actionPrefix() != null) {
            conditions.add("action LIKE :action ESCAPE '\\'");
            parameters.put("action", likePrefix(filter.actionPrefix()));
        }
        if (filter.targetPrefix() != null) {
            conditions.add("target LIKE :target ESCAPE '\\'");
            parameters.put("target", likePrefix(filter.targetPrefix()));
        }
        if (filter.outcome() != null) {
            conditions.add("outcome = :outcome");
            parameters.put("outcome", filter.outcome().name());
        }
        return conditions;
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}

package org.atalaya.audit.internal;

import java.security.PublicKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recomputes the audit log from its rows and checks it against every signed checkpoint, trusting nothing in the
 * database: only the public keys it is given. Needs nothing but a JDBC connection that can read the two tables; rows
 * are streamed in sequence order, so memory does not grow with the log.
 *
 * <p>It stops at the first problem: a missing entry (a gap in the sequence), an entry whose content no longer
 * matches the leaf hash written with it, a checkpoint with a bad signature or an unknown key, a checkpoint whose root
 * differs from the root recomputed from the rows (entries altered together with their leaf hashes, or reordered), or
 * a checkpoint that covers more entries than exist (entries removed from the end).
 */
public final class AuditVerifier {

    private static final int FETCH_SIZE = 1000;

    private final Map<String, PublicKey> trustedKeys;

    public AuditVerifier(List<PublicKey> trustedKeys) {
        var byId = new LinkedHashMap<String, PublicKey>();
        trustedKeys.forEach(key -> byId.put(SigningKeys.keyId(key), key));
        this.trustedKeys = Map.copyOf(byId);
    }

    /** The outcome: how much was checked, how many entries wait for a checkpoint, and the first problem if any. */
    public record Report(long entriesChecked, long checkpointsChecked, Optional<Checkpoint> latestCheckpoint,
                         long entriesNotCovered, Optional<String> problem) {

        public boolean intact() {
            return problem.isEmpty();
        }
    }

    /**
     * Walks the log in one read-only snapshot (REPEATABLE READ), so entries and checkpoints written by a running
     * server while the walk goes on are not half seen, which would look like tampering.
     */
    public Report verify(Connection connection) throws SQLException {
        return inSnapshot(connection, () -> walk(connection));
    }

    interface SnapshotWork<T> {
        T run() throws SQLException;
    }

    static <T> T inSnapshot(Connection connection, SnapshotWork<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (!autoCommit) return work.run();
        int isolation = connection.getTransactionIsolation();
        boolean readOnly = connection.isReadOnly();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            return work.run();
        } finally {
            connection.rollback();
            connection.setReadOnly(readOnly);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(true);
        }
    }

    private Report walk(Connection connection) throws SQLException {
        var checkpoints = new CheckpointCursor(connection);
        var tree = new MerkleFrontier();
        long checkpointsChecked = 0;
        Checkpoint latest = null;
        try (var statement = connection.prepareStatement("SELECT " + StoredEntry.COLUMNS + " FROM audit_entry ORDER BY seq")) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    var stored = StoredEntry.read(rows);
                    long expected = tree.size() + 1;
                    long seq = stored.entry().seq();
                    if (seq != expected) {
                        String missing = seq == expected + 1 ? "entry " + expected + " is missing"
                                : "entries " + expected + " to " + (seq - 1) + " are missing";
                        return failure(tree, checkpointsChecked, latest, missing);
                    }
                    if (!stored.intact()) {
                        return failure(tree, checkpointsChecked, latest, "entry " + seq
                                + " was modified or moved: its content no longer matches its leaf hash");
                    }
                    tree.append(stored.storedLeafHash());
                    for (Checkpoint due = checkpoints.takeIfAt(tree.size()); due != null; due = checkpoints.takeIfAt(tree.size())) {
                        Optional<String> problem = checkpointProblem(due, tree.root());
                        if (problem.isPresent()) return failure(tree, checkpointsChecked, latest, problem.get());
                        checkpointsChecked++;
                        latest = due;
                    }
                }
            }
        }
        Checkpoint beyond = checkpoints.takeIfAt(Long.MAX_VALUE);
        if (beyond != null) {
            long first = tree.size() + 1;
            String removed = first == beyond.treeSize() ? "entry " + first + " was removed"
                    : "entries " + first + " to " + beyond.treeSize() + " were removed";
            return failure(tree, checkpointsChecked, latest, "checkpoint at tree size " + beyond.treeSize()
                    + " covers entries that are gone: the log ends at entry " + tree.size() + ", so " + removed);
        }
        long covered = latest == null ? 0 : latest.treeSize();
        return new Report(tree.size(), checkpointsChecked, Optional.ofNullable(latest), tree.size() - covered, Optional.empty());
    }

    private Optional<String> checkpointProblem(Checkpoint checkpoint, Hash recomputedRoot) {
        Optional<String> signature = checkpoint.signatureProblem(trustedKeys);
        if (signature.isPresent()) return signature;
        if (!checkpoint.rootHash().equals(recomputedRoot)) {
            return Optional.of("checkpoint at tree size " + checkpoint.treeSize() + " does not match the entries"
                    + " (entries 1-" + checkpoint.treeSize() + " were altered or reordered)");
        }
        return Optional.empty();
    }

    private static Report failure(MerkleFrontier tree, long checkpointsChecked, Checkpoint latest, String problem) {
        long covered = latest == null ? 0 : latest.treeSize();
        return new Report(tree.size(), checkpointsChecked, Optional.ofNullable(latest), tree.size() - covered,
                Optional.of(problem));
    }

    /** Checkpoints in tree-size order, read a batch at a time so the walk over the entries never holds them all. */
    private static final class CheckpointCursor {
        private static final int BATCH = 500;
        private final Connection connection;
        private final Deque<Checkpoint> batch = new ArrayDeque<>();
        private long lastSize = Long.MIN_VALUE;
        private boolean exhausted;

        CheckpointCursor(Connection connection) {
            this.connection = connection;
        }

        /** The next checkpoint if its size is at most {@code size}, else {@code null}. */
        Checkpoint takeIfAt(long size) throws SQLException {
            if (batch.isEmpty() && !exhausted) load();
            Checkpoint next = batch.peekFirst();
            if (next == null || next.treeSize() > size) return null;
            return batch.pollFirst();
        }

        private void load() throws SQLException {
            try (var statement = connection.prepareStatement("SELECT tree_size, root_hash, signed_at, key_id, signature"
                    + " FROM audit_checkpoint WHERE tree_size > ? ORDER BY tree_size LIMIT " + BATCH)) {
                statement.setLong(1, lastSize);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        batch.addLast(readCheckpoint(rows));
                        lastSize = rows.getLong("tree_size");
                    }
                }
            }
            exhausted = batch.size() < BATCH;
        }
    }

    /** A checkpoint row; a root that is not 32 bytes becomes the empty root, which then fails to match. */
    static Checkpoint readCheckpoint(ResultSet row) throws SQLException {
        byte[] root = row.getBytes("root_hash");
        return new Checkpoint(row.getLong("tree_size"),
                root != null && root.length == Hash.LENGTH ? new Hash(root) : Merkle.EMPTY_ROOT,
                row.getObject("signed_at", OffsetDateTime.class).toInstant(),
                row.getString("key_id"), row.getBytes("signature"));
    }
}

package org.atalaya.audit.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Builds the inclusion proof of one entry against the latest checkpoint, with plain JDBC. The audit path's subtree
 * hashes are computed while the stored leaf hashes stream past once, so memory stays O(log n) for any log size.
 */
public final class ProofBuilder {

    private static final int FETCH_SIZE = 1000;

    /** Why no proof could be built. */
    public enum Refusal { NO_SUCH_ENTRY, NOT_YET_COVERED }

    /** Either a proof or the reason there is none. */
    public record Outcome(Optional<InclusionProof> proof, Optional<Refusal> refusal) {
        static Outcome of(InclusionProof proof) {
            return new Outcome(Optional.of(proof), Optional.empty());
        }

        static Outcome refused(Refusal refusal) {
            return new Outcome(Optional.empty(), Optional.of(refusal));
        }
    }

    /** Reads the checkpoint and the leaves it covers in one snapshot, as the verifier does. */
    public Outcome build(Connection connection, long seq) throws SQLException {
        return AuditVerifier.inSnapshot(connection, () -> buildInTransaction(connection, seq));
    }

    private Outcome buildInTransaction(Connection connection, long seq) throws SQLException {
        Optional<AuditEntry> entry = entry(connection, seq);
        if (entry.isEmpty()) return Outcome.refused(Refusal.NO_SUCH_ENTRY);
        Optional<Checkpoint> checkpoint = latestCheckpoint(connection);
        if (checkpoint.isEmpty() || checkpoint.get().treeSize() < seq) return Outcome.refused(Refusal.NOT_YET_COVERED);
        long treeSize = checkpoint.get().treeSize();
        long index = seq - 1;

        List<Merkle.Range> ranges = Merkle.auditPathRanges(index, treeSize);
        List<Merkle.Range> byPosition = new ArrayList<>(ranges);
        byPosition.sort(Comparator.comparingLong(Merkle.Range::from));
        List<MerkleFrontier> subtrees = new ArrayList<>();
        byPosition.forEach(range -> subtrees.add(new MerkleFrontier()));

        try (var statement = connection.prepareStatement(
                "SELECT seq, leaf_hash FROM audit_entry WHERE seq <= ? ORDER BY seq")) {
            statement.setLong(1, treeSize);
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                int current = 0;
                while (rows.next()) {
                    long leafIndex = rows.getLong("seq") - 1;
                    if (leafIndex == index) continue;
                    while (current < byPosition.size() && !byPosition.get(current).contains(leafIndex)) current++;
                    if (current == byPosition.size()) break;
                    subtrees.get(current).append(new Hash(rows.getBytes("leaf_hash")));
                }
            }
        }
        List<Hash> path = ranges.stream().map(range -> subtrees.get(byPosition.indexOf(range)).root()).toList();
        return Outcome.of(new InclusionProof(entry.get(), index, treeSize, path, checkpoint.get()));
    }

    private static Optional<AuditEntry> entry(Connection connection, long seq) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT " + StoredEntry.COLUMNS + " FROM audit_entry WHERE seq = ?")) {
            statement.setLong(1, seq);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(StoredEntry.read(row).entry()) : Optional.empty();
            }
        }
    }

    private static Optional<Checkpoint> latestCheckpoint(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT tree_size, root_hash, signed_at, key_id, signature"
                + " FROM audit_checkpoint ORDER BY tree_size DESC LIMIT 1");
             ResultSet row = statement.executeQuery()) {
            return row.next() ? Optional.of(AuditVerifier.readCheckpoint(row)) : Optional.empty();
        }
    }
}

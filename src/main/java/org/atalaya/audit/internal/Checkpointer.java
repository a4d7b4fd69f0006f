package org.atalaya.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signs checkpoints over the log. The Merkle tree is kept in memory as a {@link MerkleFrontier}, rebuilt from the
 * stored leaf hashes on first use and then extended with each new entry, so signing costs O(log n) whatever the size
 * of the log. While catching up it signs at every {@code everyEntries} entries; at the end it signs when the policy
 * says the waiting entries are due. Several nodes may sign: a tree size already signed is skipped.
 */
class Checkpointer {

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);
    private static final int PAGE = 5000;

    private final JdbcClient jdbc;
    private final SigningKeyStore keys;
    private final CheckpointPolicy policy;
    private final Clock clock;
    private final MerkleFrontier tree = new MerkleFrontier();
    private long gapReportedAt = -1;

    Checkpointer(JdbcClient jdbc, SigningKeyStore keys, CheckpointPolicy policy, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.policy = policy;
        this.clock = clock;
    }

    CheckpointPolicy policy() {
        return policy;
    }

    /** Catches up with new entries and signs what the policy says is due; returns the last checkpoint signed. */
    synchronized Optional<Checkpoint> signDue() {
        return catchUpAndSign(false);
    }

    /** Catches up and signs a checkpoint over every entry written so far, unless one already covers them. */
    synchronized Optional<Checkpoint> signNow() {
        return catchUpAndSign(true);
    }

    private Optional<Checkpoint> catchUpAndSign(boolean force) {
        long covered = latestCheckpointSize();
        Optional<Checkpoint> signed = Optional.empty();
        List<Leaf> page;
        do {
            page = jdbc.sql("SELECT seq, leaf_hash FROM audit_entry WHERE seq > ? ORDER BY seq LIMIT " + PAGE)
                    .param(tree.size())
                    .query((row, n) -> new Leaf(row.getLong("seq"), new Hash(row.getBytes("leaf_hash"))))
                    .list();
            for (Leaf leaf : page) {
                if (leaf.seq() != tree.size() + 1) {
                    reportGap(leaf.seq());
                    return signed;
                }
                tree.append(leaf.hash());
                if (tree.size() > covered && policy.enoughEntries(tree.size() - covered)) {
                    Optional<Checkpoint> atThisSize = sign();
                    if (atThisSize.isPresent()) signed = atThisSize;
                    covered = tree.size();
                }
            }
        } while (page.size() == PAGE);
        covered = Math.max(covered, latestCheckpointSize());
        long uncovered = tree.size() - covered;
        if (uncovered > 0 && (force || policy.isDue(uncovered, recordedAt(covered + 1), clock.instant()))) {
            Optional<Checkpoint> last = sign();
            if (last.isPresent()) signed = last;
        }
        return signed;
    }

    private Optional<Checkpoint> sign() {
        var pair = keys.signingKeyPair();
        var checkpoint = Checkpoint.sign(tree.size(), tree.root(), clock.instant(), pair.getPrivate(), pair.getPublic());
        int inserted = jdbc.sql("""
                        INSERT INTO audit_checkpoint (tree_size, root_hash, signed_at, key_id, signature)
                        VALUES (:treeSize, :rootHash, :signedAt, :keyId, :signature)
                        ON CONFLICT (tree_size) DO NOTHING""")
                .param("treeSize", checkpoint.treeSize())
                .param("rootHash", checkpoint.rootHash().bytes())
                .param("signedAt", OffsetDateTime.ofInstant(checkpoint.signedAt(), ZoneOffset.UTC))
                .param("keyId", checkpoint.keyId())
                .param("signature", checkpoint.signature())
                .update();
        return inserted == 1 ? Optional.of(checkpoint) : Optional.empty();
    }

    private long latestCheckpointSize() {
        return jdbc.sql("SELECT coalesce(max(tree_size), 0) FROM audit_checkpoint").query(Long.class).single();
    }

    private Instant recordedAt(long seq) {
        return jdbc.sql("SELECT recorded_at FROM audit_entry WHERE seq = ?").param(seq)
                .query(OffsetDateTime.class).single().toInstant();
    }

    /** Entries commit in sequence order, so a gap that stays means an entry was removed; verify will name it. */
    private void reportGap(long seq) {
        if (gapReportedAt != seq) {
            gapReportedAt = seq;
            log.warn("The audit log has no entry {} before entry {}: checkpoints stop there; run 'atalaya audit verify'",
                    tree.size() + 1, seq);
        }
    }

    private record Leaf(long seq, Hash hash) {
    }
}

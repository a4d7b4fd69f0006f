package org.atalaya.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** When checkpoints are signed, decided with a clock the test moves by hand. */
@AtalayaTest
class AuditCheckpointerTest {

    @Autowired AuditLog auditLog;
    @Autowired JdbcClient jdbc;
    @Autowired SigningKeyStore keys;

    private List<Long> checkpointSizesAbove(long size) {
        return jdbc.sql("SELECT tree_size FROM audit_checkpoint WHERE tree_size > ? ORDER BY tree_size")
                .param(size).query(Long.class).list();
    }

    @Test
    void signsEveryNEntriesWhileCatchingUpAndTheRestWhenTheyAreOldEnough() {
        var clock = new MovableClock(Instant.now());
        var checkpointer = new Checkpointer(jdbc, keys, new CheckpointPolicy(3, Duration.ofSeconds(60)), clock);
        checkpointer.signNow();
        long start = jdbc.sql("SELECT max(tree_size) FROM audit_checkpoint").query(Long.class).single();

        long first = auditLog.record(AuditEvent.success("test.checkpoint", "one"));
        assertThat(checkpointer.signDue()).as("one entry, just written").isEmpty();

        clock.advance(Duration.ofSeconds(61));
        assertThat(checkpointer.signDue()).hasValueSatisfying(c -> assertThat(c.treeSize()).isEqualTo(first));

        long last = 0;
        for (int i = 0; i < 7; i++) last = auditLog.record(AuditEvent.success("test.checkpoint", "many " + i));
        clock.set(Instant.now());
        checkpointer.signDue();

        assertThat(checkpointSizesAbove(start)).containsExactly(first, first + 3, first + 6);
        assertThat(last).isEqualTo(first + 7);
        clock.advance(Duration.ofSeconds(61));
        assertThat(checkpointer.signDue().map(Checkpoint::treeSize)).contains(last);
    }

    @Test
    void signsNothingWhenEverythingIsCovered() {
        var checkpointer = new Checkpointer(jdbc, keys, new CheckpointPolicy(3, Duration.ofSeconds(60)), Clock.systemUTC());
        checkpointer.signNow();
        assertThat(checkpointer.signNow()).isEmpty();
    }

    @Test
    void aCheckpointIsTheRootOfTheStoredLeaves() {
        auditLog.record(AuditEvent.success("test.checkpoint", "root"));
        var checkpointer = new Checkpointer(jdbc, keys, new CheckpointPolicy(1000, Duration.ofSeconds(60)), Clock.systemUTC());
        var checkpoint = checkpointer.signNow().orElseThrow();
        List<Hash> leaves = jdbc.sql("SELECT leaf_hash FROM audit_entry WHERE seq <= ? ORDER BY seq").param(checkpoint.treeSize())
                .query((row, n) -> new Hash(row.getBytes(1))).list();
        assertThat(checkpoint.rootHash()).isEqualTo(Merkle.root(leaves));
        assertThat(checkpoint.signatureProblem(Map.of(checkpoint.keyId(), keys.publicKey().orElseThrow()))).isEmpty();
    }
}

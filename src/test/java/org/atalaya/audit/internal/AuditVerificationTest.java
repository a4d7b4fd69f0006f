package org.atalaya.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.audit.AuditProofs;
import org.atalaya.audit.AuditProperties;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * {@code audit verify} against a database superuser who rewrites the log: every change is found and named. Each
 * tampering happens in a transaction that is rolled back, so the shared log stays intact for the other tests.
 */
@AtalayaTest
class AuditVerificationTest {

    @Autowired AuditLog auditLog;
    @Autowired Checkpointer checkpointer;
    @Autowired SigningKeyStore keys;
    @Autowired AuditProperties properties;
    @Autowired AuditCommand command;
    @Autowired Environment environment;
    @Autowired AuditReadModel readModel;

    private Superuser superuser;
    private PublicKey publicKey;
    private final List<Long> seqs = new ArrayList<>();
    private long checkpointSize;

    @BeforeEach
    void writeEntriesAndSignThem() {
        superuser = new Superuser(environment);
        publicKey = keys.publicKey().orElseThrow();
        for (int i = 0; i < 5; i++) {
            seqs.add(auditLog.record(AuditEvent.success("test.verify", "thing:" + i).with("i", "" + i)));
        }
        checkpointer.signNow();
        checkpointSize = readModel.latestCheckpoint().orElseThrow().treeSize();
        assertThat(checkpointSize).isGreaterThanOrEqualTo(seqs.getLast());
    }

    private AuditVerifier.Report verifyAfter(Superuser.Work<?> tampering) throws Exception {
        return superuser.inRolledBackTransaction(connection -> {
            Superuser.disableTriggers(connection);
            tampering.run(connection);
            return new AuditVerifier(List.of(publicKey)).verify(connection);
        });
    }

    private static String modifiedOrMoved(long seq) {
        return "entry " + seq + " was modified or moved: its content no longer matches its leaf hash";
    }

    @Test
    void anUntouchedLogVerifies() throws Exception {
        var report = verifyAfter(connection -> null);
        assertThat(report.problem()).isEmpty();
        assertThat(report.entriesChecked()).isGreaterThanOrEqualTo(seqs.getLast());
        assertThat(report.checkpointsChecked()).isPositive();
        assertThat(report.latestCheckpoint()).isPresent();
    }

    @Test
    void aModifiedEntryIsNamed() throws Exception {
        long victim = seqs.get(2);
        var report = verifyAfter(connection -> Superuser.execute(connection,
                "UPDATE audit_entry SET actor = 'someone-else' WHERE seq = ?", victim));
        assertThat(report.problem()).contains(modifiedOrMoved(victim));
    }

    @Test
    void aDetailWhoseTypeWasChangedIsAModification() throws Exception {
        long victim = seqs.get(3);
        var report = verifyAfter(connection -> Superuser.execute(connection,
                "UPDATE audit_entry SET details = jsonb_build_object('i', 3) WHERE seq = ?", victim));
        assertThat(report.problem()).contains(modifiedOrMoved(victim));
    }

    @Test
    void aModifiedEntryWithARecomputedLeafHashBreaksTheSignedRoot() throws Exception {
        long victim = seqs.get(1);
        var report = verifyAfter(connection -> {
            var forged = withTarget(read(connection, victim).entry(), "thing:forged");
            rewrite(connection, victim, forged);
            return null;
        });
        assertThat(report.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("checkpoint at tree size ").contains("does not match the entries"));
    }

    @Test
    void aDeletedEntryIsNamed() throws Exception {
        long victim = seqs.get(3);
        var report = verifyAfter(connection -> Superuser.execute(connection, "DELETE FROM audit_entry WHERE seq = ?", victim));
        assertThat(report.problem()).contains("entry " + victim + " is missing");
    }

    @Test
    void entriesCutFromTheEndAreFoundByTheirCheckpoint() throws Exception {
        var report = verifyAfter(connection -> Superuser.execute(connection, "DELETE FROM audit_entry WHERE seq >= ?", checkpointSize));
        assertThat(report.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("checkpoint at tree size " + checkpointSize + " covers entries that are gone")
                .endsWith("entry " + checkpointSize + " was removed"));
    }

    @Test
    void swappedEntriesAreFound() throws Exception {
        long first = seqs.get(0);
        long second = seqs.get(4);
        var report = verifyAfter(connection -> {
            Superuser.execute(connection, "UPDATE audit_entry SET seq = 999999999 WHERE seq = ?", first);
            Superuser.execute(connection, "UPDATE audit_entry SET seq = ? WHERE seq = ?", first, second);
            Superuser.execute(connection, "UPDATE audit_entry SET seq = ? WHERE seq = 999999999", second);
            return null;
        });
        assertThat(report.problem()).contains(modifiedOrMoved(first));
    }

    @Test
    void swappedEntriesWithRecomputedLeafHashesBreakTheSignedRoot() throws Exception {
        long first = seqs.get(0);
        long second = seqs.get(4);
        var report = verifyAfter(connection -> {
            var a = read(connection, first).entry();
            var b = read(connection, second).entry();
            rewrite(connection, first, withSeq(b, first));
            rewrite(connection, second, withSeq(a, second));
            return null;
        });
        assertThat(report.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("does not match the entries")
                .contains("altered or reordered"));
    }

    @Test
    void aCheckpointWithAForgedSignatureIsFound() throws Exception {
        long size = seqs.get(2);
        var report = verifyAfter(connection -> {
            Superuser.execute(connection, "DELETE FROM audit_checkpoint WHERE tree_size = ?", size);
            Superuser.execute(connection, "INSERT INTO audit_checkpoint VALUES (?, ?, now(), ?, ?)", size,
                    rootOfFirst(connection, size).bytes(), SigningKeys.keyId(publicKey), new byte[64]);
            return null;
        });
        assertThat(report.problem()).contains("checkpoint at tree size " + size + " has an invalid signature");
    }

    @Test
    void aCheckpointSignedWithAnotherKeyIsFound() throws Exception {
        long size = seqs.get(3);
        KeyPair intruder = SigningKeys.generate();
        var report = verifyAfter(connection -> {
            var forged = Checkpoint.sign(size, rootOfFirst(connection, size), Instant.now(), intruder.getPrivate(), intruder.getPublic());
            Superuser.execute(connection, "DELETE FROM audit_checkpoint WHERE tree_size = ?", size);
            insert(connection, forged);
            return null;
        });
        assertThat(report.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("checkpoint at tree size " + size + " names signing key " + SigningKeys.keyId(intruder.getPublic()))
                .contains("which is not a trusted public key"));
    }

    @Test
    void aCheckpointResignedUnderTheRightKeyIdButAnotherKeyIsFound() throws Exception {
        KeyPair intruder = SigningKeys.generate();
        var report = verifyAfter(connection -> {
            var forged = Checkpoint.sign(checkpointSize, rootOfFirst(connection, checkpointSize), Instant.now(),
                    intruder.getPrivate(), intruder.getPublic());
            Superuser.execute(connection, "UPDATE audit_checkpoint SET signature = ? WHERE tree_size = ?",
                    forged.signature(), checkpointSize);
            return null;
        });
        assertThat(report.problem()).contains("checkpoint at tree size " + checkpointSize + " has an invalid signature");
    }

    @Test
    void theCommandSaysOkOrNamesTheProblemWithExitCodes() throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        assertThat(command.run(List.of("verify"), print(out), print(err))).isZero();
        assertThat(out.toString()).startsWith("OK: verified ").contains(" with key " + SigningKeys.keyId(publicKey))
                .contains("latest checkpoint: tree size ");

        long victim = seqs.get(1);
        int exit = superuser.inRolledBackTransaction(connection -> {
            Superuser.disableTriggers(connection);
            Superuser.execute(connection, "UPDATE audit_entry SET reason = 'rewritten' WHERE seq = ?", victim);
            var onTamperedDatabase = new AuditCommand(new SingleConnectionDataSource(connection, true), properties);
            out.reset();
            return onTamperedDatabase.run(List.of("verify"), print(out), print(err));
        });
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).startsWith("FAILED: entry " + victim + " was modified or moved")
                .contains("checked " + (victim - 1) + " entries");

        err.reset();
        assertThat(command.run(List.of("verify", "--everything"), print(out), print(err))).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).startsWith("audit verify does not take --everything");
    }

    @Test
    void verifyingWithSomeoneElsesPublicKeyFails(@TempDir Path folder) throws Exception {
        Path otherKey = Files.writeString(folder.resolve("other.pub"), SigningKeys.publicKeyPem(SigningKeys.generate().getPublic()));
        var out = new ByteArrayOutputStream();
        assertThat(command.run(List.of("verify", "--public-key", otherKey.toString()), print(out), print(new ByteArrayOutputStream())))
                .isEqualTo(1);
        assertThat(out.toString()).startsWith("FAILED: checkpoint at tree size ").contains("which is not a trusted public key");
    }

    @Test
    void entriesAfterTheLastCheckpointAreReportedButDoNotFail() throws Exception {
        var report = verifyAfter(connection -> {
            var extra = new AuditEntry(lastSeq(connection) + 1, Instant.now(), "x", "test.late", "SUCCESS", null, null, null, null, null);
            insert(connection, extra);
            return null;
        });
        assertThat(report.problem()).isEmpty();
        assertThat(report.entriesNotCovered()).isPositive();
    }

    @Test
    void aProofTakenFromTheLogVerifiesWithThePublicKeyAndFailsWhenAltered(@TempDir Path folder) throws Exception {
        long seq = seqs.get(2);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        assertThat(command.run(List.of("proof", "--entry", "" + seq), print(out), print(err))).isZero();
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(AuditProofs.verify(json, publicKey).valid()).isTrue();

        Path proof = Files.writeString(folder.resolve("proof.json"), json);
        Path altered = Files.writeString(folder.resolve("altered.json"), json.replace("thing:2", "thing:9"));
        out.reset();
        assertThat(command.run(List.of("verify", "--proof", proof.toString()), print(out), print(err))).isZero();
        assertThat(out.toString()).startsWith("VALID: entry " + seq + " is in the audit log");
        out.reset();
        assertThat(command.run(List.of("verify", "--proof", altered.toString()), print(out), print(err))).isEqualTo(1);
        assertThat(out.toString()).startsWith("INVALID: ");
        assertThat(AuditProofs.runWithoutApplication(List.of("verify", "--proof", altered.toString()),
                properties.publicKeyPath(), print(new ByteArrayOutputStream()), print(err))).hasValue(1);
    }

    @Test
    void noProofForAMissingOrUncoveredEntry() throws Exception {
        var err = new ByteArrayOutputStream();
        assertThat(command.run(List.of("proof", "--entry", "999999999"), print(new ByteArrayOutputStream()), print(err))).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("there is no audit entry 999999999\n");
        var outcome = superuser.inRolledBackTransaction(connection -> {
            long next = lastSeq(connection) + 1;
            insert(connection, new AuditEntry(next, Instant.now(), "x", "test.late", "SUCCESS", null, null, null, null, null));
            return new ProofBuilder().build(connection, next);
        });
        assertThat(outcome.refusal()).contains(ProofBuilder.Refusal.NOT_YET_COVERED);
    }

    @Test
    void thePublicKeyCommandPrintsTheKeyVerifiersNeed() {
        var out = new ByteArrayOutputStream();
        assertThat(command.run(List.of("public-key"), print(out), print(new ByteArrayOutputStream()))).isZero();
        assertThat(SigningKeys.readPublicKey(out.toString())).isEqualTo(publicKey);
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }

    private static StoredEntry read(Connection connection, long seq) throws Exception {
        try (var statement = connection.prepareStatement("SELECT " + StoredEntry.COLUMNS + " FROM audit_entry WHERE seq = ?")) {
            statement.setLong(1, seq);
            try (var row = statement.executeQuery()) {
                row.next();
                return StoredEntry.read(row);
            }
        }
    }

    private static long lastSeq(Connection connection) throws Exception {
        try (var statement = connection.prepareStatement("SELECT max(seq) FROM audit_entry"); var row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Hash rootOfFirst(Connection connection, long size) throws Exception {
        List<Hash> leaves = new ArrayList<>();
        for (long seq = 1; seq <= size; seq++) leaves.add(read(connection, seq).storedLeafHash());
        return Merkle.root(leaves);
    }

    private static AuditEntry withTarget(AuditEntry e, String target) {
        return new AuditEntry(e.seq(), e.recordedAt(), e.actor(), e.action(), e.outcome(), target, e.reason(),
                e.caseNumber(), e.sourceAddress(), e.details());
    }

    private static AuditEntry withSeq(AuditEntry e, long seq) {
        return new AuditEntry(seq, e.recordedAt(), e.actor(), e.action(), e.outcome(), e.target(), e.reason(),
                e.caseNumber(), e.sourceAddress(), e.details());
    }

    /** What a careful forger does: rewrite every column and the leaf hash to match. */
    private static void rewrite(Connection connection, long seq, AuditEntry entry) throws Exception {
        Superuser.execute(connection, """
                        UPDATE audit_entry SET recorded_at = ?, actor = ?, action = ?, outcome = ?, target = ?, reason = ?,
                          case_number = ?, source_address = ?, details = CAST(? AS jsonb), leaf_hash = ? WHERE seq = ?""",
                OffsetDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC), entry.actor(), entry.action(), entry.outcome(),
                entry.target(), entry.reason(), entry.caseNumber(), entry.sourceAddress(), entry.detailsJson(),
                entry.leafHash().bytes(), seq);
    }

    private static void insert(Connection connection, AuditEntry entry) throws Exception {
        Superuser.execute(connection, """
                        INSERT INTO audit_entry (seq, recorded_at, actor, action, outcome, target, reason, case_number,
                          source_address, details, leaf_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)""",
                entry.seq(), OffsetDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC), entry.actor(), entry.action(),
                entry.outcome(), entry.target(), entry.reason(), entry.caseNumber(), entry.sourceAddress(),
                entry.detailsJson(), entry.leafHash().bytes());
    }

    private static void insert(Connection connection, Checkpoint checkpoint) throws Exception {
        Superuser.execute(connection, "INSERT INTO audit_checkpoint VALUES (?, ?, ?, ?, ?)", checkpoint.treeSize(),
                checkpoint.rootHash().bytes(), OffsetDateTime.ofInstant(checkpoint.signedAt(), ZoneOffset.UTC),
                checkpoint.keyId(), checkpoint.signature());
    }
}

package org.atalaya.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.atalaya.access.Permission;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.audit.AuditProperties;
import org.atalaya.audit.AuditWriteFailedException;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Writing the log: what an entry holds, that nobody can change it, and that a failed write stops the action. */
@AtalayaTest
class AuditAppendTest {

    @Autowired AuditLog auditLog;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired Environment environment;
    @Autowired AuditProperties properties;
    @Autowired AppendOnlyCheck appendOnlyCheck;
    @Autowired Checkpointer checkpointer;

    @AfterEach
    void forgetRequestAndUser() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    private StoredEntry stored(long seq) {
        return jdbc.sql("SELECT " + StoredEntry.COLUMNS + " FROM audit_entry WHERE seq = ?").param(seq)
                .query((row, n) -> StoredEntry.read(row)).single();
    }

    @Test
    void anEntryKeepsWhatHappenedWithAHashOfItsCanonicalForm() {
        long seq = auditLog.record(AuditEvent.success("role.grant", "role:operator")
                .because("shift change", "C-2025-17").with("permission", "LIVE_VIEW").with("note", "ñandú \"quoted\""));
        var stored = stored(seq);
        assertThat(stored.entry()).satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("role.grant");
            assertThat(entry.outcome()).isEqualTo("SUCCESS");
            assertThat(entry.actor()).isEqualTo("system");
            assertThat(entry.target()).isEqualTo("role:operator");
            assertThat(entry.reason()).isEqualTo("shift change");
            assertThat(entry.caseNumber()).isEqualTo("C-2025-17");
            assertThat(entry.sourceAddress()).isNull();
            assertThat(entry.details()).containsEntry("permission", "LIVE_VIEW").containsEntry("note", "ñandú \"quoted\"");
        });
        assertThat(stored.intact()).isTrue();
    }

    @Test
    void sequenceNumbersFollowEachOtherWithoutGaps() {
        long first = auditLog.record(AuditEvent.success("test.sequence", "one"));
        long second = auditLog.record(AuditEvent.success("test.sequence", "two"));
        assertThat(second).isEqualTo(first + 1);
    }

    @Test
    void manyWritersAtOnceStillGetOneGaplessOrder() throws Exception {
        List<Long> seqs = Collections.synchronizedList(new ArrayList<>());
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> writers = new ArrayList<>();
            for (int writer = 0; writer < 8; writer++) {
                int w = writer;
                writers.add(executor.submit(() -> {
                    for (int i = 0; i < 20; i++) seqs.add(auditLog.record(AuditEvent.success("test.concurrent", w + "/" + i)));
                }));
            }
            for (var writer : writers) writer.get();
        }
        assertThat(seqs).hasSize(160).doesNotHaveDuplicates();
        assertThat(jdbc.sql("SELECT count(*) = max(seq) FROM audit_entry").query(Boolean.class).single()).isTrue();
    }

    @Test
    void theActorIsTheSignedInUserUnlessGivenAndTheSourceIsTheRequestsAddress() {
        var request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.44");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        SecurityContextHolder.getContext().setAuthentication(
                new TestAuditor("marta", EnumSet.of(Permission.AUDIT_VIEW)).authentication());

        var signedIn = stored(auditLog.record(AuditEvent.success("test.actor", null))).entry();
        var given = stored(auditLog.record(AuditEvent.failure("auth.login", "user:x").by("x"))).entry();

        assertThat(signedIn.actor()).isEqualTo("marta");
        assertThat(signedIn.sourceAddress()).isEqualTo("192.0.2.44");
        assertThat(given.actor()).isEqualTo("x");
        assertThat(given.outcome()).isEqualTo("FAILURE");
    }

    @Test
    void textThePostgresCannotStoreIsReplacedNotRefused() {
        var entry = stored(auditLog.record(AuditEvent.denied("test.nul", "a\u0000b"))).entry();
        assertThat(entry.target()).isEqualTo("a\uFFFDb");
    }

    @Test
    void theApplicationRoleCanNeitherChangeNorRemoveEntries() {
        long seq = auditLog.record(AuditEvent.success("test.immutable", "x"));
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET target = 'y' WHERE seq = ?").param(seq).update())
                .rootCause().hasMessageContaining("permission denied for table audit_entry");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE seq = ?").param(seq).update())
                .rootCause().hasMessageContaining("permission denied for table audit_entry");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_entry").update())
                .rootCause().hasMessageContaining("permission denied for table audit_entry");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_checkpoint").update())
                .rootCause().hasMessageContaining("permission denied for table audit_checkpoint");
        assertThat(appendOnlyCheck.applicationRoleCanChangeAuditRows()).isFalse();
        assertThat(stored(seq).entry().target()).isEqualTo("x");
    }

    @Test
    void aRoleThatOwnsTheAuditTablesIsWarnedAbout() {
        var owner = new SingleConnectionDataSource(environment.getRequiredProperty("spring.flyway.url"), "postgres", "", true);
        try {
            assertThat(new AppendOnlyCheck(JdbcClient.create(owner)).applicationRoleCanChangeAuditRows()).isTrue();
        } finally {
            owner.destroy();
        }
    }

    @Test
    void theTriggersRefuseEvenASuperuserWhoLeavesThemOn() throws Exception {
        long seq = auditLog.record(AuditEvent.success("test.immutable", "x"));
        checkpointer.signNow();
        var superuser = new Superuser(environment);
        for (String change : List.of("UPDATE audit_entry SET target = 'y' WHERE seq = " + seq,
                "DELETE FROM audit_entry WHERE seq = " + seq, "TRUNCATE audit_entry",
                "UPDATE audit_checkpoint SET key_id = 'x'", "DELETE FROM audit_checkpoint", "TRUNCATE audit_checkpoint")) {
            assertThatThrownBy(() -> superuser.inRolledBackTransaction(connection -> Superuser.execute(connection, change)))
                    .as(change)
                    .hasMessageContaining("the audit log is append-only");
        }
    }

    @Test
    void whenTheEntryCannotBeWrittenTheActionRollsBack() throws Exception {
        var superuser = new Superuser(environment);
        try (var connection = superuser.connect()) {
            Superuser.execute(connection, "CREATE TABLE IF NOT EXISTS audit_test_action (name text)");
            Superuser.execute(connection, "GRANT SELECT, INSERT ON audit_test_action TO atalaya_app");
        }
        String name = "action-" + UUID.randomUUID();
        var transaction = new TransactionTemplate(transactionManager);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO audit_test_action (name) VALUES (?)").param(name).update();
            auditLog.record(AuditEvent.success("x".repeat(101), name));
        })).isInstanceOf(AuditWriteFailedException.class).hasMessageContaining("was not carried out");

        assertThat(jdbc.sql("SELECT count(*) FROM audit_test_action WHERE name = ?").param(name).query(Long.class).single())
                .isZero();
    }

    @Test
    void anActionThatSwallowsTheFailureStillCannotCommit() {
        var transaction = new TransactionTemplate(transactionManager);
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            try {
                auditLog.record(AuditEvent.success("test.swallowed", "t".repeat(501)));
            } catch (AuditWriteFailedException ignored) {
                // a careless caller carries on
            }
        })).isInstanceOf(UnexpectedRollbackException.class);
    }

    @Test
    void theSigningKeyIsAPrivateFileWithItsPublicKeyBeside() throws Exception {
        assertThat(Files.getPosixFilePermissions(properties.signingKeyPath()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(properties.publicKeyPath())).startsWith("-----BEGIN PUBLIC KEY-----");
    }
}

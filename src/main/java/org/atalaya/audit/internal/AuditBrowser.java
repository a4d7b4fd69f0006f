package org.atalaya.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.security.PublicKey;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What auditors can do with the log, shared by the console and the API: look, search, take proofs and exports.
 * Looking is itself audited ({@code audit.search}, {@code audit.view}, {@code audit.proof}, {@code audit.export});
 * if that entry cannot be written the auditor gets nothing. There is no way to change the log.
 */
@Service
class AuditBrowser {

    private final AuditReadModel readModel;
    private final AuditLog auditLog;
    private final DataSource dataSource;
    private final TransactionTemplate readOnly;
    private final SigningKeyStore keys;

    AuditBrowser(AuditReadModel readModel, AuditLog auditLog, DataSource dataSource,
                 PlatformTransactionManager transactionManager, SigningKeyStore keys) {
        this.readModel = readModel;
        this.auditLog = auditLog;
        this.dataSource = dataSource;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.keys = keys;
    }

    AuditReadModel.Page search(AuditFilter filter, Long before, int limit) {
        var page = readModel.page(filter, before, limit);
        var event = AuditEvent.success("audit.search", null);
        for (var parameter : filter.parameters().entrySet()) event = event.with(parameter.getKey(), parameter.getValue());
        if (before != null) event = event.with("before", before.toString());
        auditLog.record(event);
        return page;
    }

    Optional<StoredEntry> view(long seq) {
        var entry = readModel.find(seq);
        auditLog.record(AuditEvent.success("audit.view", "audit-entry:" + seq));
        return entry;
    }

    ProofBuilder.Outcome proof(long seq) {
        var outcome = readOnly.execute(status -> {
            var connection = DataSourceUtils.getConnection(dataSource);
            try {
                return new ProofBuilder().build(connection, seq);
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the audit log: " + e.getMessage(), e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        });
        if (outcome != null && outcome.proof().isPresent()) {
            auditLog.record(AuditEvent.success("audit.proof", "audit-entry:" + seq));
        }
        return outcome;
    }

    /** Records the export, then streams every matching entry, oldest first. */
    void export(AuditFilter filter, ExportFormat format, Writer out) throws IOException {
        var event = AuditEvent.success("audit.export", null).with("format", format.extension);
        for (var parameter : filter.parameters().entrySet()) event = event.with(parameter.getKey(), parameter.getValue());
        auditLog.record(event);
        format.begin(out);
        boolean[] first = {true};
        try {
            readModel.forEach(filter, entry -> {
                try {
                    format.write(out, entry, first[0]);
                    first[0] = false;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        format.end(out);
        out.flush();
    }

    AuditReadModel.Status status() {
        return readModel.status();
    }

    List<Checkpoint> checkpoints(Long beforeSize, int limit) {
        return readModel.checkpoints(beforeSize, limit);
    }

    long coveredUpTo() {
        return readModel.latestCheckpoint().map(Checkpoint::treeSize).orElse(0L);
    }

    Optional<PublicKey> publicKey() {
        return keys.publicKey();
    }
}

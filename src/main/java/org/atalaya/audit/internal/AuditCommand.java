package org.atalaya.audit.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.atalaya.audit.AuditProofs;
import org.atalaya.audit.AuditProperties;
import org.atalaya.platform.CliCommand;
import org.springframework.stereotype.Component;

/**
 * {@code atalaya audit ...}: {@code verify} recomputes the whole log and checks every checkpoint with only the public
 * key; {@code verify --proof FILE} checks an exported inclusion proof; {@code proof --entry N} prints one;
 * {@code public-key} prints the key auditors verify with. {@code --public-key FILE} (repeatable) replaces the public
 * key file beside the signing key.
 */
@Component
class AuditCommand implements CliCommand {

    private final DataSource dataSource;
    private final Path defaultPublicKeyFile;

    AuditCommand(DataSource dataSource, AuditProperties properties) {
        this.dataSource = dataSource;
        this.defaultPublicKeyFile = properties.publicKeyPath();
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        AuditArguments parsed;
        try {
            parsed = AuditArguments.parse(arguments);
        } catch (IllegalArgumentException badUsage) {
            err.println(badUsage.getMessage());
            return 2;
        }
        List<Path> keyFiles = parsed.publicKeyFiles().isEmpty() ? List.of(defaultPublicKeyFile) : parsed.publicKeyFiles();
        try {
            return switch (parsed.command()) {
                case VERIFY -> parsed.proofFile().isPresent()
                        ? AuditProofs.checkProofFile(parsed.proofFile().get(), keyFiles, out, err)
                        : verifyLog(keyFiles, out, err);
                case PROOF -> printProof(parsed.entry().orElseThrow(), out, err);
                case PUBLIC_KEY -> printPublicKey(out, err);
            };
        } catch (SQLException e) {
            err.println("cannot read the audit log from the database: " + e.getMessage());
            return 1;
        }
    }

    private int verifyLog(List<Path> keyFiles, PrintStream out, PrintStream err) throws SQLException {
        List<PublicKey> keys = new ArrayList<>();
        for (Path file : keyFiles) {
            try {
                keys.add(AuditProofs.readPublicKey(file));
            } catch (IOException e) {
                err.println("cannot read the public key file " + file + ": " + describe(e));
                return 2;
            }
        }
        AuditVerifier.Report report;
        try (var connection = dataSource.getConnection()) {
            report = new AuditVerifier(keys).verify(connection);
        }
        if (report.problem().isPresent()) {
            out.println("FAILED: " + report.problem().get());
            out.println("checked " + count(report.entriesChecked(), "entry", "entries") + " and "
                    + count(report.checkpointsChecked(), "checkpoint", "checkpoints") + " before the problem");
            return 1;
        }
        out.println("OK: verified " + count(report.entriesChecked(), "entry", "entries") + " and "
                + count(report.checkpointsChecked(), "checkpoint", "checkpoints") + " with key " + String.join(", ", keys.stream().map(SigningKeys::keyId).toList()));
        report.latestCheckpoint().ifPresent(latest -> out.println("latest checkpoint: tree size " + latest.treeSize()
                + ", root " + latest.rootHash().hex() + ", signed at " + latest.signedAt()));
        if (report.entriesNotCovered() > 0) {
            long first = report.entriesChecked() - report.entriesNotCovered() + 1;
            out.println(count(report.entriesNotCovered(), "entry", "entries") + " (" + first + " to "
                    + report.entriesChecked() + ") not yet covered by a checkpoint");
        }
        return 0;
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private int printProof(long seq, PrintStream out, PrintStream err) throws SQLException {
        ProofBuilder.Outcome outcome;
        try (var connection = dataSource.getConnection()) {
            outcome = new ProofBuilder().build(connection, seq);
        }
        if (outcome.proof().isPresent()) {
            out.print(outcome.proof().get().toJson());
            return 0;
        }
        err.println(switch (outcome.refusal().orElseThrow()) {
            case NO_SUCH_ENTRY -> "there is no audit entry " + seq;
            case NOT_YET_COVERED -> "entry " + seq + " is not yet covered by a signed checkpoint; the server signs one"
                    + " within the checkpoint interval";
        });
        return 1;
    }

    private int printPublicKey(PrintStream out, PrintStream err) {
        try {
            out.print(AuditProofs.publicKeyPem(AuditProofs.readPublicKey(defaultPublicKeyFile)));
            return 0;
        } catch (IOException e) {
            err.println("cannot read the public key file " + defaultPublicKeyFile + ": " + describe(e)
                    + (e instanceof NoSuchFileException ? " (the server creates the key on its first start)" : ""));
            return 1;
        }
    }

    private static String describe(IOException e) {
        return e instanceof NoSuchFileException ? "no such file" : e.getMessage();
    }
}

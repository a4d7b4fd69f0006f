package org.atalaya.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the audit log signs its checkpoints.
 *
 * @param signingKeyFile         the Ed25519 private key (PKCS#8 PEM) that signs checkpoints; created with mode 0600 on
 *                               the server's first start, next to its public key {@code <signing-key-file>.pub}. Keep
 *                               it outside the database and back it up; give auditors a copy of the public key.
 * @param checkpointEveryEntries sign a checkpoint as soon as this many entries are not yet covered by one
 * @param checkpointInterval     sign a checkpoint when the oldest entry not yet covered is this old, e.g. {@code 60s}
 */
@ConfigurationProperties("atalaya.audit")
public record AuditProperties(String signingKeyFile, int checkpointEveryEntries, Duration checkpointInterval) {

    public static final String DEFAULT_SIGNING_KEY_FILE = "data/keys/audit-signing-key.pem";

    public AuditProperties {
        if (signingKeyFile == null || signingKeyFile.isBlank()) signingKeyFile = DEFAULT_SIGNING_KEY_FILE;
        if (checkpointEveryEntries <= 0) checkpointEveryEntries = 1000;
        if (checkpointInterval == null || checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            checkpointInterval = Duration.ofSeconds(60);
        }
    }

    public Path signingKeyPath() {
        return Path.of(signingKeyFile);
    }

    /** Where the public key is written beside the signing key: {@code <signing-key-file>.pub}. */
    public Path publicKeyPath() {
        Path signingKey = signingKeyPath();
        return signingKey.resolveSibling(signingKey.getFileName() + ".pub");
    }
}

package org.atalaya.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * A signed statement that the audit log had {@code treeSize} entries with the given Merkle root at a time.
 *
 * <p>The signature is Ed25519 over the UTF-8 bytes of this text, each line ending in a line feed:
 * <pre>
 * atalaya audit checkpoint v1
 * tree-size 50
 * root 6f0c...(64 lower-case hex digits)
 * signed-at 2025-03-01T10:15:30.123456Z
 * </pre>
 * The signed-at instant is written with {@link DateTimeFormatter#ISO_INSTANT} after truncation to microseconds.
 */
public record Checkpoint(long treeSize, Hash rootHash, Instant signedAt, String keyId, byte[] signature) {

    public Checkpoint {
        signedAt = signedAt.truncatedTo(ChronoUnit.MICROS);
        signature = signature.clone();
    }

    public static Checkpoint sign(long treeSize, Hash rootHash, Instant signedAt, PrivateKey key, PublicKey publicKey) {
        byte[] signature = SigningKeys.sign(key, signedMessage(treeSize, rootHash, signedAt));
        return new Checkpoint(treeSize, rootHash, signedAt, SigningKeys.keyId(publicKey), signature);
    }

    public static byte[] signedMessage(long treeSize, Hash rootHash, Instant signedAt) {
        return ("atalaya audit checkpoint v1\n"
                + "tree-size " + treeSize + "\n"
                + "root " + rootHash.hex() + "\n"
                + "signed-at " + DateTimeFormatter.ISO_INSTANT.format(signedAt.truncatedTo(ChronoUnit.MICROS)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** Checks the signature with the trusted keys (found by key id); empty when it is good, else what is wrong. */
    public Optional<String> signatureProblem(Map<String, PublicKey> trustedKeys) {
        PublicKey key = trustedKeys.get(keyId);
        if (key == null) {
            return Optional.of("checkpoint at tree size " + treeSize + " names signing key " + keyId
                    + ", which is not a trusted public key (trusted: " + String.join(", ", trustedKeys.keySet()) + ")");
        }
        if (!SigningKeys.verify(key, signedMessage(treeSize, rootHash, signedAt), signature)) {
            return Optional.of("checkpoint at tree size " + treeSize + " has an invalid signature");
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && treeSize == that.treeSize && rootHash.equals(that.rootHash)
                && signedAt.equals(that.signedAt) && keyId.equals(that.keyId) && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(treeSize) * 31 + rootHash.hashCode();
    }

    @Override
    public String toString() {
        return "Checkpoint[treeSize=" + treeSize + ", root=" + rootHash.hex() + ", signedAt=" + signedAt + ", keyId=" + keyId + "]";
    }
}

package org.atalaya.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.atalaya.audit.internal.AuditArguments;
import org.atalaya.audit.internal.InclusionProof;
import org.atalaya.audit.internal.SigningKeys;

/**
 * Checks exported inclusion proofs with nothing but the JDK and a public key: no database, no running application.
 * The proof's JSON form is described in {@link InclusionProof}.
 */
public final class AuditProofs {

    private AuditProofs() {
    }

    /** The verdict on a proof, in words a person understands. */
    public record Result(boolean valid, String message) {
    }

    public static Result verify(String proofJson, PublicKey trustedKey) {
        return verify(proofJson, List.of(trustedKey));
    }

    /** Checks the proof against any of the trusted keys (an installation that replaced its key trusts both). */
    public static Result verify(String proofJson, Collection<PublicKey> trustedKeys) {
        InclusionProof proof;
        try {
            proof = InclusionProof.parse(proofJson);
        } catch (IllegalArgumentException malformed) {
            return new Result(false, "the proof is malformed: " + malformed.getMessage());
        }
        Map<String, PublicKey> byId = new LinkedHashMap<>();
        trustedKeys.forEach(key -> byId.put(SigningKeys.keyId(key), key));
        return proof.problem(byId)
                .map(problem -> new Result(false, problem))
                .orElseGet(() -> new Result(true, "entry " + proof.entry().seq() + " is in the audit log: it is leaf "
                        + proof.leafIndex() + " of the tree of " + proof.treeSize() + " entries whose root "
                        + proof.checkpoint().rootHash().hex() + " was signed at " + proof.checkpoint().signedAt()
                        + " by key " + proof.checkpoint().keyId()));
    }

    /** Reads an Ed25519 public key from a PEM file (X.509 SubjectPublicKeyInfo, as {@code audit public-key} prints it). */
    public static PublicKey readPublicKey(Path pemFile) throws IOException {
        try {
            return SigningKeys.readPublicKey(Files.readString(pemFile, StandardCharsets.ISO_8859_1));
        } catch (IllegalArgumentException notAKey) {
            throw new IOException(notAKey.getMessage());
        }
    }

    public static String publicKeyPem(PublicKey key) {
        return SigningKeys.publicKeyPem(key);
    }

    /** Hex of the first 8 bytes of SHA-256 over the key's DER encoding, as checkpoints name their key. */
    public static String keyId(PublicKey key) {
        return SigningKeys.keyId(key);
    }

    /**
     * For the launcher: runs {@code audit verify --proof FILE [--public-key FILE]...} without starting the application.
     *
     * @param arguments            the words after {@code audit}
     * @param defaultPublicKeyFile the public key used when no {@code --public-key} is given
     * @return the exit code (0 valid, 1 invalid, 2 bad usage), or empty when the words name another audit command,
     *         which needs the database and so the application
     */
    public static OptionalInt runWithoutApplication(List<String> arguments, Path defaultPublicKeyFile,
                                                    PrintStream out, PrintStream err) {
        AuditArguments parsed;
        try {
            parsed = AuditArguments.parse(arguments);
        } catch (IllegalArgumentException badUsage) {
            err.println(badUsage.getMessage());
            return OptionalInt.of(2);
        }
        if (parsed.proofFile().isEmpty()) return OptionalInt.empty();
        return OptionalInt.of(checkProofFile(parsed.proofFile().get(),
                parsed.publicKeyFiles().isEmpty() ? List.of(defaultPublicKeyFile) : parsed.publicKeyFiles(), out, err));
    }

    /** Checks a proof file with the given public key files, printing the verdict: 0 valid, 1 invalid, 2 unreadable. */
    public static int checkProofFile(Path proofFile, List<Path> publicKeyFiles, PrintStream out, PrintStream err) {
        String json;
        try {
            json = Files.readString(proofFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("cannot read the proof file " + proofFile + ": " + describe(e));
            return 2;
        }
        List<PublicKey> keys = new ArrayList<>();
        for (Path file : publicKeyFiles) {
            try {
                keys.add(readPublicKey(file));
            } catch (IOException e) {
                err.println("cannot read the public key file " + file + ": " + describe(e));
                return 2;
            }
        }
        Result result = verify(json, keys);
        out.println((result.valid() ? "VALID: " : "INVALID: ") + result.message());
        return result.valid() ? 0 : 1;
    }

    private static String describe(IOException e) {
        return e instanceof NoSuchFileException ? "no such file" : e.getMessage();
    }
}

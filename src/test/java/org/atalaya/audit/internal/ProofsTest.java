package org.atalaya.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atalaya.audit.AuditProofs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys, checkpoints and inclusion proofs without a database: what an auditor's own machine does. */
class ProofsTest {

    private static final KeyPair KEY = SigningKeys.generate();
    private static final KeyPair OTHER_KEY = SigningKeys.generate();

    private static List<AuditEntry> entries(int count) {
        List<AuditEntry> entries = new ArrayList<>();
        for (int seq = 1; seq <= count; seq++) {
            entries.add(new AuditEntry(seq, Instant.parse("2025-03-01T10:15:30Z").plusSeconds(seq), "ana", "camera.view",
                    "SUCCESS", "camera:" + seq, "incident ñ " + seq, null, "10.0.0.1", Map.of("n", "" + seq)));
        }
        return entries;
    }

    private static String proofJson(List<AuditEntry> entries, int seq, KeyPair signer) {
        List<Hash> leaves = entries.stream().map(AuditEntry::leafHash).toList();
        var checkpoint = Checkpoint.sign(leaves.size(), Merkle.root(leaves), Instant.parse("2025-03-01T11:00:00.5Z"),
                signer.getPrivate(), signer.getPublic());
        return new InclusionProof(entries.get(seq - 1), seq - 1, leaves.size(), Merkle.auditPath(seq - 1, leaves), checkpoint)
                .toJson();
    }

    @Test
    void keysSurviveTheirPemFiles() {
        var publicKey = SigningKeys.readPublicKey(SigningKeys.publicKeyPem(KEY.getPublic()));
        var privateKey = SigningKeys.readPrivateKey(SigningKeys.privateKeyPem(KEY.getPrivate()));
        assertThat(publicKey.getEncoded()).isEqualTo(KEY.getPublic().getEncoded());
        byte[] signature = SigningKeys.sign(privateKey, new byte[] {1, 2, 3});
        assertThat(SigningKeys.verify(publicKey, new byte[] {1, 2, 3}, signature)).isTrue();
        assertThat(SigningKeys.publicKeyPem(KEY.getPublic())).startsWith("-----BEGIN PUBLIC KEY-----\n")
                .endsWith("-----END PUBLIC KEY-----\n");
        assertThat(SigningKeys.keyId(KEY.getPublic())).matches("[0-9a-f]{16}").isNotEqualTo(SigningKeys.keyId(OTHER_KEY.getPublic()));
    }

    @Test
    void aCheckpointVerifiesOnlyWithItsKeyAndUnchanged() {
        var root = Merkle.leafHash(new byte[] {1});
        var checkpoint = Checkpoint.sign(1, root, Instant.parse("2025-03-01T11:00:00Z"), KEY.getPrivate(), KEY.getPublic());
        var trusted = Map.of(SigningKeys.keyId(KEY.getPublic()), KEY.getPublic());
        assertThat(checkpoint.signatureProblem(trusted)).isEmpty();
        var otherRoot = new Checkpoint(1, Merkle.leafHash(new byte[] {2}), checkpoint.signedAt(), checkpoint.keyId(), checkpoint.signature());
        assertThat(otherRoot.signatureProblem(trusted)).contains("checkpoint at tree size 1 has an invalid signature");
        var otherSize = new Checkpoint(2, root, checkpoint.signedAt(), checkpoint.keyId(), checkpoint.signature());
        assertThat(otherSize.signatureProblem(trusted)).isPresent();
        var otherTime = new Checkpoint(1, root, checkpoint.signedAt().plusMillis(1), checkpoint.keyId(), checkpoint.signature());
        assertThat(otherTime.signatureProblem(trusted)).isPresent();
        assertThat(checkpoint.signatureProblem(Map.of(SigningKeys.keyId(OTHER_KEY.getPublic()), OTHER_KEY.getPublic())))
                .hasValueSatisfying(problem -> assertThat(problem).contains("not a trusted public key"));
    }

    @Test
    void theSignedTextIsVersionedAndReadable() {
        var root = Merkle.EMPTY_ROOT;
        assertThat(new String(Checkpoint.signedMessage(50, root, Instant.parse("2025-03-01T10:15:30.123456789Z")), StandardCharsets.UTF_8))
                .isEqualTo("atalaya audit checkpoint v1\ntree-size 50\nroot " + root.hex() + "\nsigned-at 2025-03-01T10:15:30.123456Z\n");
    }

    @Test
    void everyEntryOfALogHasAProofThatVerifiesWithThePublicKeyAlone() {
        var entries = entries(13);
        for (int seq = 1; seq <= entries.size(); seq++) {
            var result = AuditProofs.verify(proofJson(entries, seq, KEY), KEY.getPublic());
            assertThat(result.valid()).as("entry %d: %s", seq, result.message()).isTrue();
            assertThat(result.message()).startsWith("entry " + seq + " is in the audit log");
        }
    }

    @Test
    void aProofSurvivesTheJsonRoundTrip() {
        var entries = entries(5);
        String json = proofJson(entries, 3, KEY);
        var proof = InclusionProof.parse(json);
        assertThat(proof.entry()).isEqualTo(entries.get(2));
        assertThat(proof.toJson()).isEqualTo(json);
        assertThat(json).contains("\"format\" : \"atalaya-audit-inclusion-proof/v1\"", "\"caseNumber\" : null");
    }

    @Test
    void aChangedEntryPathOrCheckpointFails() {
        var entries = entries(9);
        String json = proofJson(entries, 4, KEY);
        assertThat(AuditProofs.verify(json.replace("camera:4", "camera:5"), KEY.getPublic()))
                .satisfies(result -> assertThat(result.valid()).isFalse())
                .satisfies(result -> assertThat(result.message()).contains("entry 4 as given is not in the tree"));
        assertThat(AuditProofs.verify(json.replace("\"seq\" : 4", "\"seq\" : 5"), KEY.getPublic()).valid()).isFalse();
        assertThat(AuditProofs.verify(json.replace("\"leafIndex\" : 3", "\"leafIndex\" : 4"), KEY.getPublic()).valid()).isFalse();
        var proof = InclusionProof.parse(json);
        String firstStep = proof.auditPath().getFirst().hex();
        String changedStep = (firstStep.charAt(0) == '0' ? "1" : "0") + firstStep.substring(1);
        assertThat(AuditProofs.verify(json.replace(firstStep, changedStep), KEY.getPublic()).valid()).isFalse();
        String root = proof.checkpoint().rootHash().hex();
        String changedRoot = (root.charAt(0) == '0' ? "1" : "0") + root.substring(1);
        assertThat(AuditProofs.verify(json.replace(root, changedRoot), KEY.getPublic()).message()).contains("invalid signature");
    }

    @Test
    void aProofSignedByAnotherKeyFails() {
        var result = AuditProofs.verify(proofJson(entries(3), 2, OTHER_KEY), KEY.getPublic());
        assertThat(result.valid()).isFalse();
        assertThat(result.message()).contains("not a trusted public key");
        assertThat(AuditProofs.verify(proofJson(entries(3), 2, OTHER_KEY), List.of(KEY.getPublic(), OTHER_KEY.getPublic())).valid())
                .isTrue();
    }

    @Test
    void malformedProofsAreRefusedInWords() {
        assertThat(AuditProofs.verify("not json", KEY.getPublic()).message()).isEqualTo("the proof is malformed: the proof is not valid JSON");
        assertThat(AuditProofs.verify("{}", KEY.getPublic()).message()).contains("not in the format");
        String json = proofJson(entries(2), 1, KEY);
        assertThat(AuditProofs.verify(json.replace("\"auditPath\"", "\"path\""), KEY.getPublic()).message())
                .contains("no auditPath");
    }

    @Test
    void theCommandLineCheckReadsFilesAndAnswersWithExitCodes(@TempDir Path folder) throws Exception {
        Path proof = Files.writeString(folder.resolve("proof.json"), proofJson(entries(4), 2, KEY));
        Path tampered = Files.writeString(folder.resolve("tampered.json"), proofJson(entries(4), 2, KEY).replace("camera:2", "camera:3"));
        Path key = Files.writeString(folder.resolve("key.pub"), SigningKeys.publicKeyPem(KEY.getPublic()));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        assertThat(AuditProofs.runWithoutApplication(List.of("verify", "--proof", proof.toString()), key, print(out), print(err)))
                .hasValue(0);
        assertThat(out.toString()).startsWith("VALID: entry 2 is in the audit log");
        out.reset();
        assertThat(AuditProofs.runWithoutApplication(List.of("verify", "--proof", tampered.toString(), "--public-key", key.toString()),
                folder.resolve("absent.pub"), print(out), print(err))).hasValue(1);
        assertThat(out.toString()).startsWith("INVALID: entry 2 as given is not in the tree");
        assertThat(AuditProofs.runWithoutApplication(List.of("verify", "--proof", proof.toString()), folder.resolve("absent.pub"),
                print(out), print(err))).hasValue(2);
        assertThat(err.toString()).contains("cannot read the public key file").contains("no such file");
        err.reset();
        assertThat(AuditProofs.runWithoutApplication(List.of("verify", "--prof", "x"), key, print(out), print(err))).hasValue(2);
        assertThat(err.toString()).startsWith("audit verify does not take --prof; usage:").hasLineCount(1);
        assertThat(AuditProofs.runWithoutApplication(List.of("verify"), key, print(out), print(err))).isEmpty();
        assertThat(AuditProofs.runWithoutApplication(List.of("proof", "--entry", "3"), key, print(out), print(err))).isEmpty();
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }
}

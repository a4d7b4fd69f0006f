package org.atalaya.audit.internal;

import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Evidence that one entry is in the audit log: the entry, its audit path and the signed checkpoint whose root the path
 * leads to. Anyone with the public key can check it, without the database.
 *
 * <p>JSON form, version 1:
 * <pre>
 * {
 *   "format": "atalaya-audit-inclusion-proof/v1",
 *   "entry": { the entry's canonical members: "action", "actor", "caseNumber", "details", "outcome", "reason",
 *              "recordedAt", "seq", "sourceAddress", "target", "v" },
 *   "leafHash": "hex SHA-256(0x00 || canonical entry), for reference; the checker recomputes it",
 *   "leafIndex": seq - 1,
 *   "treeSize": the checkpoint's tree size,
 *   "auditPath": [ "hex", ... ]   (RFC 9162 inclusion path, from the leaf upwards),
 *   "checkpoint": { "treeSize": n, "rootHash": "hex", "signedAt": "ISO-8601 instant", "keyId": "hex",
 *                   "signature": "base64 Ed25519 over the text defined in {@link Checkpoint}" }
 * }
 * </pre>
 */
public record InclusionProof(AuditEntry entry, long leafIndex, long treeSize, List<Hash> auditPath, Checkpoint checkpoint) {

    public static final String FORMAT = "atalaya-audit-inclusion-proof/v1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public InclusionProof {
        auditPath = List.copyOf(auditPath);
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode entryNode = root.putObject("entry");
        entryNode.put("action", entry.action());
        entryNode.put("actor", entry.actor());
        entryNode.put("caseNumber", entry.caseNumber());
        ObjectNode details = entryNode.putObject("details");
        entry.details().forEach(details::put);
        entryNode.put("outcome", entry.outcome());
        entryNode.put("reason", entry.reason());
        entryNode.put("recordedAt", entry.recordedAtText());
        entryNode.put("seq", entry.seq());
        entryNode.put("sourceAddress", entry.sourceAddress());
        entryNode.put("target", entry.target());
        entryNode.put("v", AuditEntry.FORMAT_VERSION);
        root.put("leafHash", entry.leafHash().hex());
        root.put("leafIndex", leafIndex);
        root.put("treeSize", treeSize);
        var path = root.putArray("auditPath");
        auditPath.forEach(hash -> path.add(hash.hex()));
        ObjectNode checkpointNode = root.putObject("checkpoint");
        checkpointNode.put("treeSize", checkpoint.treeSize());
        checkpointNode.put("rootHash", checkpoint.rootHash().hex());
        checkpointNode.put("signedAt", checkpoint.signedAt().toString());
        checkpointNode.put("keyId", checkpoint.keyId());
        checkpointNode.put("signature", Base64.getEncoder().encodeToString(checkpoint.signature()));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /** Reads the JSON form; {@link IllegalArgumentException} says, in words, what is malformed. */
    public static InclusionProof parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the proof is not valid JSON");
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("the proof is not a JSON object");
        JsonNode format = root.get("format");
        if (format == null || !format.isString() || !FORMAT.equals(format.stringValue())) {
            throw new IllegalArgumentException("the proof is not in the format " + FORMAT);
        }
        JsonNode entryNode = object(root, "entry");
        if (integer(entryNode, "v") != AuditEntry.FORMAT_VERSION) {
            throw new IllegalArgumentException("the entry is in an unknown format version");
        }
        Instant recordedAt = instant(entryNode, "recordedAt");
        Map<String, String> details = new TreeMap<>();
        for (var detail : object(entryNode, "details").properties()) {
            if (!detail.getValue().isString()) throw new IllegalArgumentException("entry detail " + detail.getKey() + " is not a string");
            details.put(detail.getKey(), detail.getValue().stringValue());
        }
        var entry = new AuditEntry(integer(entryNode, "seq"), recordedAt, text(entryNode, "actor", false),
                text(entryNode, "action", false), text(entryNode, "outcome", false), text(entryNode, "target", true),
                text(entryNode, "reason", true), text(entryNode, "caseNumber", true),
                text(entryNode, "sourceAddress", true), details);
        if (!entry.recordedAtText().equals(text(entryNode, "recordedAt", false))) {
            throw new IllegalArgumentException("the entry's recordedAt is not in canonical form");
        }
        JsonNode pathNode = root.get("auditPath");
        if (pathNode == null || !pathNode.isArray()) throw new IllegalArgumentException("the proof has no auditPath array");
        List<Hash> path = new ArrayList<>();
        for (JsonNode element : pathNode.values()) {
            path.add(hash(element, "auditPath"));
        }
        JsonNode checkpointNode = object(root, "checkpoint");
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(text(checkpointNode, "signature", false));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the checkpoint signature is not base64");
        }
        var checkpoint = new Checkpoint(integer(checkpointNode, "treeSize"), hash(checkpointNode.get("rootHash"), "rootHash"),
                instant(checkpointNode, "signedAt"), text(checkpointNode, "keyId", false), signature);
        return new InclusionProof(entry, integer(root, "leafIndex"), integer(root, "treeSize"), path, checkpoint);
    }

    /**
     * Checks the proof with the trusted public keys: the checkpoint's signature, then that the entry's recomputed leaf
     * and the audit path lead to the signed root.
     *
     * @return empty when the entry is proven to be in the log, else what is wrong, in words
     */
    public Optional<String> problem(Map<String, PublicKey> trustedKeys) {
        var signatureProblem = checkpoint.signatureProblem(trustedKeys);
        if (signatureProblem.isPresent()) return signatureProblem;
        if (treeSize != checkpoint.treeSize()) {
            return Optional.of("the proof's tree size " + treeSize + " is not the checkpoint's " + checkpoint.treeSize());
        }
        if (leafIndex != entry.seq() - 1) {
            return Optional.of("entry " + entry.seq() + " belongs at leaf index " + (entry.seq() - 1) + ", not " + leafIndex);
        }
        if (!Merkle.verifyInclusion(leafIndex, treeSize, entry.leafHash(), auditPath, checkpoint.rootHash())) {
            return Optional.of("entry " + entry.seq() + " as given is not in the tree of " + treeSize
                    + " entries signed by the checkpoint: the entry or its audit path was altered");
        }
        return Optional.empty();
    }

    private static JsonNode object(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isObject()) throw new IllegalArgumentException("the proof has no " + name + " object");
        return node;
    }

    private static String text(JsonNode parent, String name, boolean nullable) {
        JsonNode node = parent.get(name);
        if (nullable && node != null && node.isNull()) return null;
        if (node == null || !node.isString()) throw new IllegalArgumentException(name + " is missing or not a string");
        return node.stringValue();
    }

    private static long integer(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new IllegalArgumentException(name + " is missing or not an integer");
        }
        return node.longValue();
    }

    private static Instant instant(JsonNode parent, String name) {
        try {
            return Instant.parse(text(parent, name, false));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is not an ISO-8601 instant");
        }
    }

    private static Hash hash(JsonNode node, String name) {
        if (node == null || !node.isString()) throw new IllegalArgumentException(name + " must hold hexadecimal SHA-256 hashes");
        try {
            return Hash.fromHex(node.stringValue());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must hold hexadecimal SHA-256 hashes");
        }
    }
}

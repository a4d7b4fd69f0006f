package org.atalaya.audit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One entry of the audit log as it is stored and hashed. Its leaf in the Merkle tree is
 * SHA-256(0x00 || {@link #canonicalBytes()}).
 *
 * <p>Canonical form, version 1: the {@link CanonicalJson canonical JSON} object with exactly these members:
 * {@code action} (string), {@code actor} (string), {@code caseNumber} (string or null), {@code details} (object of
 * strings), {@code outcome} (string), {@code reason} (string or null), {@code recordedAt} (string, UTC, always six
 * fraction digits: {@code 2025-03-01T10:15:30.123456Z}), {@code seq} (integer, from 1), {@code sourceAddress}
 * (string or null), {@code target} (string or null) and {@code v} (the integer 1).
 */
public record AuditEntry(
        long seq,
        Instant recordedAt,
        String actor,
        String action,
        String outcome,
        String target,
        String reason,
        String caseNumber,
        String sourceAddress,
        Map<String, String> details) {

    public static final int FORMAT_VERSION = 1;

    private static final DateTimeFormatter RECORDED_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    public AuditEntry {
        recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
        details = details == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(details));
    }

    public String recordedAtText() {
        return RECORDED_AT.format(recordedAt);
    }

    public String canonicalJson() {
        SortedMap<String, Object> members = new TreeMap<>();
        members.put("action", action);
        members.put("actor", actor);
        members.put("caseNumber", caseNumber);
        members.put("details", new TreeMap<>(details));
        members.put("outcome", outcome);
        members.put("reason", reason);
        members.put("recordedAt", recordedAtText());
        members.put("seq", seq);
        members.put("sourceAddress", sourceAddress);
        members.put("target", target);
        members.put("v", FORMAT_VERSION);
        return CanonicalJson.object(members);
    }

    public byte[] canonicalBytes() {
        return canonicalJson().getBytes(StandardCharsets.UTF_8);
    }

    public Hash leafHash() {
        return Merkle.leafHash(canonicalBytes());
    }

    /** The details as canonical JSON text, the form they are stored in. */
    public String detailsJson() {
        return CanonicalJson.object(new TreeMap<>(details));
    }
}

package org.atalaya.audit.internal;

import java.util.Map;

/**
 * An entry as the API and the console show it. {@code recordedAt} is the canonical UTC text with microseconds;
 * {@code coveredByCheckpoint} says whether a signed checkpoint includes it (and so a proof can be had).
 */
record EntryView(long seq, String recordedAt, String actor, String action, String outcome, String target,
                 String reason, String caseNumber, String sourceAddress, Map<String, String> details, String leafHash,
                 boolean coveredByCheckpoint) {

    static EntryView of(StoredEntry stored, long coveredUpTo) {
        AuditEntry entry = stored.entry();
        return new EntryView(entry.seq(), entry.recordedAtText(), entry.actor(), entry.action(), entry.outcome(),
                entry.target(), entry.reason(), entry.caseNumber(), entry.sourceAddress(), entry.details(),
                stored.storedLeafHash() == null ? null : stored.storedLeafHash().hex(), entry.seq() <= coveredUpTo);
    }

    /** The time to the second, for tables: {@code 2025-03-01 10:15:30}. */
    public String shortTime() {
        return recordedAt.substring(0, 10) + " " + recordedAt.substring(11, 19);
    }

    /** The badge style of the outcome in the console. */
    public String outcomeStyle() {
        return switch (outcome) {
            case "SUCCESS" -> "ok";
            case "FAILURE" -> "warn";
            default -> "danger";
        };
    }
}

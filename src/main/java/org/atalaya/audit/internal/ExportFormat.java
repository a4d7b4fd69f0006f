package org.atalaya.audit.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The forms an auditor can take the log away in.
 * <ul>
 * <li>CSV (RFC 4180, UTF-8): one row per entry; details as canonical JSON. Text that a spreadsheet would run as a
 * formula (starting with {@code = + - @}, tab or carriage return) is prefixed with {@code '}; use the JSON form for
 * the exact values.</li>
 * <li>JSON: an array of the entries' canonical objects (see {@link AuditEntry}) each with {@code leafHash} added;
 * removing {@code leafHash} and hashing the canonical form again gives that leaf hash.</li>
 * </ul>
 */
enum ExportFormat {

    CSV("text/csv", "csv") {
        private static final List<String> HEADER = List.of("seq", "recorded_at", "actor", "action", "outcome", "target",
                "reason", "case_number", "source_address", "details", "leaf_hash");

        @Override
        void begin(Writer out) throws IOException {
            out.write(String.join(",", HEADER) + "\r\n");
        }

        @Override
        void write(Writer out, StoredEntry stored, boolean first) throws IOException {
            AuditEntry entry = stored.entry();
            List<String> cells = List.of(Long.toString(entry.seq()), entry.recordedAtText(), text(entry.actor()),
                    text(entry.action()), entry.outcome(), text(entry.target()), text(entry.reason()),
                    text(entry.caseNumber()), text(entry.sourceAddress()), text(entry.detailsJson()),
                    stored.storedLeafHash() == null ? "" : stored.storedLeafHash().hex());
            out.write(String.join(",", cells.stream().map(ExportFormat::quoted).toList()) + "\r\n");
        }

        @Override
        void end(Writer out) {
        }
    },

    JSON("application/json", "json") {
        @Override
        void begin(Writer out) throws IOException {
            out.write("[\n");
        }

        @Override
        void write(Writer out, StoredEntry stored, boolean first) throws IOException {
            AuditEntry entry = stored.entry();
            SortedMap<String, Object> members = new TreeMap<>();
            members.put("action", entry.action());
            members.put("actor", entry.actor());
            members.put("caseNumber", entry.caseNumber());
            members.put("details", new TreeMap<>(entry.details()));
            members.put("leafHash", stored.storedLeafHash() == null ? null : stored.storedLeafHash().hex());
            members.put("outcome", entry.outcome());
            members.put("reason", entry.reason());
            members.put("recordedAt", entry.recordedAtText());
            members.put("seq", entry.seq());
            members.put("sourceAddress", entry.sourceAddress());
            members.put("target", entry.target());
            members.put("v", AuditEntry.FORMAT_VERSION);
            out.write((first ? "" : ",\n") + CanonicalJson.object(members));
        }

        @Override
        void end(Writer out) throws IOException {
            out.write("\n]\n");
        }
    };

    final String mediaType;
    final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    abstract void begin(Writer out) throws IOException;

    abstract void write(Writer out, StoredEntry entry, boolean first) throws IOException;

    abstract void end(Writer out) throws IOException;

    /** Reads {@code csv} or {@code json}; anything else is an {@link InvalidAuditQueryException}. */
    static ExportFormat named(String name) {
        try {
            return valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidAuditQueryException("format", name);
        }
    }

    private static String text(String value) {
        if (value == null || value.isEmpty()) return "";
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    private static String quoted(String cell) {
        boolean needsQuotes = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        return needsQuotes ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}

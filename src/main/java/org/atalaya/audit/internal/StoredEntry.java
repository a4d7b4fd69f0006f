package org.atalaya.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An entry read back from {@code audit_entry} together with the leaf hash stored beside it. Reading never trusts the
 * row: whatever is in the columns is taken as it is, so a changed row gives a different canonical form.
 */
public record StoredEntry(AuditEntry entry, Hash storedLeafHash) {

    /** The columns {@link #read} expects, in a form for {@code SELECT}. */
    public static final String COLUMNS = "seq, recorded_at, actor, action, outcome, target, reason, case_number,"
            + " source_address, details::text AS details, leaf_hash";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static StoredEntry read(ResultSet row) throws SQLException {
        var entry = new AuditEntry(
                row.getLong("seq"),
                row.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                row.getString("actor"),
                row.getString("action"),
                row.getString("outcome"),
                row.getString("target"),
                row.getString("reason"),
                row.getString("case_number"),
                row.getString("source_address"),
                details(row.getString("details")));
        byte[] leaf = row.getBytes("leaf_hash");
        return new StoredEntry(entry, leaf != null && leaf.length == Hash.LENGTH ? new Hash(leaf) : null);
    }

    /** Whether the row still matches the leaf hash written with it. */
    public boolean intact() {
        return entry.leafHash().equals(storedLeafHash);
    }

    /**
     * Detail values that are not strings (only a hand-edited row has them) are kept under their key prefixed with NUL,
     * which no recorded entry can contain (NUL is replaced when an entry is written), so the entry no longer matches
     * its leaf hash even when the text is the same, e.g. the number 5 put where the string "5" was.
     */
    private static Map<String, String> details(String json) {
        Map<String, String> details = new TreeMap<>();
        if (json == null) return details;
        try {
            for (var member : JSON.readTree(json).properties()) {
                JsonNode value = member.getValue();
                if (value.isString()) {
                    details.put(member.getKey(), value.stringValue());
                } else {
                    details.put("\u0000" + member.getKey(), value.toString());
                }
            }
        } catch (JacksonException unreadable) {
            details.put("", json);
        }
        return details;
    }
}

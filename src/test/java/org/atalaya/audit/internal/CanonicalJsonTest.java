package org.atalaya.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static AuditEntry entry(Map<String, String> details) {
        return new AuditEntry(42, Instant.parse("2025-03-01T10:15:30.123456789Z"), "ana", "user.role.grant", "SUCCESS",
                "user:bruno", null, "C-7", "10.0.0.5", details);
    }

    @Test
    void anEntryHasOneExactEncoding() {
        var details = new LinkedHashMap<String, String>();
        details.put("role", "supervisor");
        details.put("by", "console");
        assertThat(entry(details).canonicalJson()).isEqualTo(
                "{\"action\":\"user.role.grant\",\"actor\":\"ana\",\"caseNumber\":\"C-7\","
                        + "\"details\":{\"by\":\"console\",\"role\":\"supervisor\"},\"outcome\":\"SUCCESS\",\"reason\":null,"
                        + "\"recordedAt\":\"2025-03-01T10:15:30.123456Z\",\"seq\":42,\"sourceAddress\":\"10.0.0.5\","
                        + "\"target\":\"user:bruno\",\"v\":1}");
    }

    @Test
    void timesAlwaysHaveSixFractionDigits() {
        var whole = new AuditEntry(1, Instant.parse("2025-03-01T10:15:30Z"), "a", "b", "SUCCESS", null, null, null, null, Map.of());
        assertThat(whole.recordedAtText()).isEqualTo("2025-03-01T10:15:30.000000Z");
    }

    @Test
    void theSameEntryGivesTheSameBytesAndLeafHash() throws Exception {
        var first = entry(Map.of("a", "1", "b", "2"));
        var second = entry(new TreeMap<>(Map.of("b", "2", "a", "1")));
        assertThat(first.canonicalBytes()).isEqualTo(second.canonicalBytes());
        var sha = MessageDigest.getInstance("SHA-256");
        sha.update((byte) 0);
        assertThat(first.leafHash().bytes()).isEqualTo(sha.digest(first.canonicalBytes()));
    }

    @Test
    void anyChangeChangesTheLeafHash() {
        var original = entry(Map.of("a", "1"));
        assertThat(entry(Map.of("a", "2")).leafHash()).isNotEqualTo(original.leafHash());
        var otherSeq = new AuditEntry(43, original.recordedAt(), "ana", "user.role.grant", "SUCCESS", "user:bruno", null,
                "C-7", "10.0.0.5", Map.of("a", "1"));
        assertThat(otherSeq.leafHash()).isNotEqualTo(original.leafHash());
        var nullVersusEmpty = new AuditEntry(42, original.recordedAt(), "ana", "user.role.grant", "SUCCESS", "user:bruno", "",
                "C-7", "10.0.0.5", Map.of("a", "1"));
        assertThat(nullVersusEmpty.leafHash()).isNotEqualTo(original.leafHash());
    }

    @Test
    void stringsEscapeOnlyQuotesBackslashesAndControlCharacters() {
        var members = new TreeMap<String, Object>();
        members.put("s", "quote\" back\\ slash/ tab\t nl\n cr\r bs\b ff\f nul\u0000 unit\u001f del\u007f");
        assertThat(CanonicalJson.object(members)).isEqualTo(
                "{\"s\":\"quote\\\" back\\\\ slash/ tab\\t nl\\n cr\\r bs\\b ff\\f nul\\u0000 unit\\u001f del\u007f\"}");
    }

    @Test
    void nonAsciiTextIsWrittenAsItselfInUtf8() {
        var members = new TreeMap<String, Object>();
        members.put("s", "Peña ñandú 📷 \u2028");
        String json = CanonicalJson.object(members);
        assertThat(json).isEqualTo("{\"s\":\"Peña ñandú 📷 \u2028\"}");
        // ñ, ñ and ú take one byte more than one UTF-16 unit, the camera two more (4 bytes, 2 units), U+2028 two more
        assertThat(json.getBytes(StandardCharsets.UTF_8))
                .containsSequence((byte) 0xC3, (byte) 0xB1)
                .hasSize(json.length() + 7);
    }

    @Test
    void keysAreSortedByUtf16CodeUnits() {
        var members = new TreeMap<String, Object>();
        members.put("é", "3");
        members.put("a", "2");
        members.put("B", "1");
        members.put("\uD83D\uDE00", "5");
        members.put("\uFFFD", "4");
        assertThat(CanonicalJson.object(members)).isEqualTo("{\"B\":\"1\",\"a\":\"2\",\"é\":\"3\",\"\uD83D\uDE00\":\"5\",\"\uFFFD\":\"4\"}");
    }

    @Test
    void textThatCannotBeStoredIsReplacedBeforeHashing() {
        assertThat(CanonicalJson.storable("a\u0000b")).isEqualTo("a\uFFFDb");
        assertThat(CanonicalJson.storable("lone \uD800 high")).isEqualTo("lone \uFFFD high");
        assertThat(CanonicalJson.storable("lone \uDC00 low")).isEqualTo("lone \uFFFD low");
        assertThat(CanonicalJson.storable("pair \uD83D\uDE00 ok")).isSameAs("pair \uD83D\uDE00 ok");
        assertThat(CanonicalJson.storable(null)).isNull();
    }
}

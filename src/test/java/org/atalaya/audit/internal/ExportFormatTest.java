package org.atalaya.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportFormatTest {

    private static StoredEntry stored(long seq, String actor, String reason) {
        var entry = new AuditEntry(seq, Instant.parse("2025-03-01T10:15:30Z"), actor, "camera.view", "SUCCESS", "camera:1",
                reason, null, null, Map.of("k", "v"));
        return new StoredEntry(entry, entry.leafHash());
    }

    @Test
    void csvQuotesWhatNeedsItAndDefusesFormulas() throws Exception {
        var out = new StringWriter();
        ExportFormat.CSV.begin(out);
        ExportFormat.CSV.write(out, stored(1, "=HYPERLINK(\"x\")", "said \"hi\", then\nleft"), true);
        ExportFormat.CSV.end(out);
        String leaf = stored(1, "=HYPERLINK(\"x\")", "said \"hi\", then\nleft").storedLeafHash().hex();
        assertThat(out.toString()).isEqualTo(
                "seq,recorded_at,actor,action,outcome,target,reason,case_number,source_address,details,leaf_hash\r\n"
                        + "1,2025-03-01T10:15:30.000000Z,\"'=HYPERLINK(\"\"x\"\")\",camera.view,SUCCESS,camera:1,"
                        + "\"said \"\"hi\"\", then\nleft\",,,\"{\"\"k\"\":\"\"v\"\"}\"," + leaf + "\r\n");
    }

    @Test
    void jsonIsAnArrayOfCanonicalEntriesWithTheirLeafHashes() throws Exception {
        var out = new StringWriter();
        ExportFormat.JSON.begin(out);
        ExportFormat.JSON.write(out, stored(1, "ana", null), true);
        ExportFormat.JSON.write(out, stored(2, "bruno", null), false);
        ExportFormat.JSON.end(out);
        var first = stored(1, "ana", null);
        String expectedFirst = first.entry().canonicalJson()
                .replace(",\"outcome\"", ",\"leafHash\":\"" + first.storedLeafHash().hex() + "\",\"outcome\"");
        assertThat(out.toString()).startsWith("[\n" + expectedFirst + ",\n{").endsWith("}\n]\n");
    }
}

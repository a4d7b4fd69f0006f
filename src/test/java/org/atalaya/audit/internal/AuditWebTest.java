package org.atalaya.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.atalaya.access.Permission;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.audit.AuditProofs;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The auditor's pages and the API: read-only, filtered, paged, exported, each look recorded in the log itself. */
@AtalayaTest
class AuditWebTest {

    @Autowired WebApplicationContext context;
    @Autowired AuditLog auditLog;
    @Autowired Checkpointer checkpointer;
    @Autowired SigningKeyStore keys;
    @Autowired JdbcClient jdbc;

    private MockMvc mvc;
    private String actor;
    private String auditorName;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        actor = "web-" + UUID.randomUUID();
        auditorName = "auditor-" + UUID.randomUUID();
    }

    private RequestPostProcessor auditor(Permission... permissions) {
        var granted = EnumSet.of(Permission.OWN_ACCOUNT);
        granted.addAll(List.of(permissions));
        return authentication(new TestAuditor(auditorName, granted).authentication());
    }

    private long record(String action, String target) {
        return auditLog.record(AuditEvent.success(action, target).by(actor).with("where", "web test"));
    }

    private long countOf(String action, String actorName) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND actor = ?").param(action).param(actorName)
                .query(Long.class).single();
    }

    @Test
    void theLogPageListsEntriesNewestFirstAndRecordsTheLook() throws Exception {
        long older = record("camera.view", "camera:1");
        long newer = record("camera.view", "camera:2");
        String html = mvc.perform(get("/audit").param("actor", actor).with(auditor(Permission.AUDIT_VIEW)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Audit log", "camera:2", "camera:1", "Entries not yet signed")
                .doesNotContain("/audit/export");
        assertThat(html.indexOf("camera:2")).isLessThan(html.indexOf("camera:1"));
        assertThat(html).contains("/audit/entries/" + newer, "/audit/entries/" + older);
        assertThat(countOf("audit.search", auditorName)).isEqualTo(1);
    }

    @Test
    void htmxGetsOnlyTheResultsAndSpanishReadersGetSpanish() throws Exception {
        record("camera.view", "camera:3");
        String fragment = mvc.perform(get("/audit").param("actor", actor).header("HX-Request", "true")
                        .with(auditor(Permission.AUDIT_VIEW)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).contains("id=\"audit-results\"", "camera:3").doesNotContain("<html", "sidebar");
        String spanish = mvc.perform(get("/audit").param("actor", actor).header("Accept-Language", "es")
                        .with(auditor(Permission.AUDIT_VIEW)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(spanish).contains("Registro de auditoría", "Buscar en el registro");
    }

    @Test
    void pagesGoBackInTimeByEntryNumber() throws Exception {
        for (int i = 0; i < 52; i++) record("test.paging", "item:" + i);
        String first = mvc.perform(get("/audit").param("actor", actor).with(auditor(Permission.AUDIT_VIEW)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(first).contains("item:51", "item:2").doesNotContain("item:1<", "item:0<").contains("before=");
        String before = first.replaceAll("(?s).*before=(\\d+).*", "$1");
        String second = mvc.perform(get("/audit").param("actor", actor).param("before", before)
                        .with(auditor(Permission.AUDIT_VIEW)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(second).contains("item:1<", "item:0<").doesNotContain("item:2<");
    }

    @Test
    void aFilterThatMakesNoSenseIsExplainedOnThePage() throws Exception {
        mvc.perform(get("/audit").param("from", "yesterday").with(auditor(Permission.AUDIT_VIEW)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is not a date or time")));
    }

    @Test
    void withoutTheAuditPermissionThePagesAreRefused() throws Exception {
        mvc.perform(get("/audit").with(auditor())).andExpect(status().isForbidden());
        mvc.perform(get("/audit/export").with(auditor(Permission.AUDIT_VIEW))).andExpect(status().isForbidden());
        for (String api : List.of("/api/v1/audit/entries", "/api/v1/audit/entries/1/proof", "/api/v1/audit/public-key")) {
            mvc.perform(get(api).accept(MediaType.APPLICATION_JSON).with(auditor())).andExpect(status().isForbidden());
        }
    }

    @Test
    void anEntryShowsItsLeafHashAndGivesAProofOnceSigned() throws Exception {
        long seq = record("role.grant", "role:operator");
        checkpointer.signNow();
        String html = mvc.perform(get("/audit/entries/" + seq).with(auditor(Permission.AUDIT_VIEW)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String leaf = jdbc.sql("SELECT leaf_hash FROM audit_entry WHERE seq = ?").param(seq)
                .query((row, n) -> new Hash(row.getBytes(1)).hex()).single();
        assertThat(html).contains(leaf, "role:operator", "web test", "/audit/entries/" + seq + "/proof");

        var proof = mvc.perform(get("/audit/entries/" + seq + "/proof").with(auditor(Permission.AUDIT_VIEW)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"audit-proof-" + seq + ".json\""))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(AuditProofs.verify(proof, keys.publicKey().orElseThrow()).valid()).isTrue();
        assertThat(countOf("audit.view", auditorName)).isEqualTo(1);
        assertThat(countOf("audit.proof", auditorName)).isEqualTo(1);

        mvc.perform(get("/audit/entries/999999999").with(auditor(Permission.AUDIT_VIEW))).andExpect(status().isNotFound());
    }

    @Test
    void exportsHoldTheFilteredEntriesAndAreRecorded() throws Exception {
        record("camera.view", "camera:7");
        record("user.create", "user:x");
        String csv = mvc.perform(get("/audit/export").param("format", "csv").param("actor", actor).param("action", "camera.")
                        .with(auditor(Permission.AUDIT_VIEW, Permission.AUDIT_EXPORT)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"audit-log.csv\""))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines()).hasSize(2);
        assertThat(csv).startsWith("seq,recorded_at,actor").contains("camera:7").doesNotContain("user:x");
        String json = mvc.perform(get("/api/v1/audit/export").param("format", "json").param("actor", actor)
                        .with(auditor(Permission.AUDIT_VIEW, Permission.AUDIT_EXPORT)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).startsWith("[\n{").contains("\"target\":\"camera:7\"", "\"target\":\"user:x\"");
        assertThat(countOf("audit.export", auditorName)).isEqualTo(2);
    }

    @Test
    void theApiListsFiltersAndPages() throws Exception {
        long first = record("camera.view", "camera:10");
        long second = record("camera.view", "camera:11");
        long third = record("camera.view", "camera:12");
        mvc.perform(get("/api/v1/audit/entries").param("actor", actor).param("limit", "2")
                        .accept(MediaType.APPLICATION_JSON).with(auditor(Permission.AUDIT_VIEW)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries.length()").value(2))
                .andExpect(jsonPath("$.entries[0].seq").value(third))
                .andExpect(jsonPath("$.entries[0].details.where").value("web test"))
                .andExpect(jsonPath("$.entries[1].seq").value(second))
                .andExpect(jsonPath("$.nextBefore").value(second));
        mvc.perform(get("/api/v1/audit/entries").param("actor", actor).param("before", "" + second)
                        .accept(MediaType.APPLICATION_JSON).with(auditor(Permission.AUDIT_VIEW)))
                .andExpect(jsonPath("$.entries.length()").value(1))
                .andExpect(jsonPath("$.entries[0].seq").value(first));
        mvc.perform(get("/api/v1/audit/entries/" + first).accept(MediaType.APPLICATION_JSON).with(auditor(Permission.AUDIT_VIEW)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.target").value("camera:10"))
                .andExpect(jsonPath("$.leafHash").isString());
    }

    @Test
    void badApiRequestsGetProblemDetailsInWords() throws Exception {
        mvc.perform(get("/api/v1/audit/entries").param("from", "soon").accept(MediaType.APPLICATION_JSON)
                        .with(auditor(Permission.AUDIT_VIEW)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The start time \"soon\" is not a date or time (use 2025-03-01 or 2025-03-01T10:15, UTC)."));
        mvc.perform(get("/api/v1/audit/entries").param("limit", "100000").accept(MediaType.APPLICATION_JSON)
                        .with(auditor(Permission.AUDIT_VIEW)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The limit \"100000\" must be a number from 1 to 500."));
        mvc.perform(get("/api/v1/audit/entries/abc").accept(MediaType.APPLICATION_JSON).with(auditor(Permission.AUDIT_VIEW)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("\"abc\" is not an entry number."));
        mvc.perform(get("/api/v1/audit/entries/999999999").accept(MediaType.APPLICATION_JSON).with(auditor(Permission.AUDIT_VIEW)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("There is no audit entry 999999999."));
        mvc.perform(get("/api/v1/audit/entries/999999999/proof").accept(MediaType.APPLICATION_JSON).with(auditor(Permission.AUDIT_VIEW)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/audit/export").param("format", "xml").with(auditor(Permission.AUDIT_EXPORT)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The export format \"xml\" is not csv or json."));
    }

    @Test
    void theApiGivesCheckpointsAndThePublicKey() throws Exception {
        record("test.checkpoints", "x");
        checkpointer.signNow();
        var key = keys.publicKey().orElseThrow();
        mvc.perform(get("/api/v1/audit/checkpoints").param("limit", "1").accept(MediaType.APPLICATION_JSON)
                        .with(auditor(Permission.AUDIT_VIEW)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].keyId").value(SigningKeys.keyId(key)))
                .andExpect(jsonPath("$[0].rootHash").isString());
        String pem = mvc.perform(get("/api/v1/audit/public-key").accept(MediaType.APPLICATION_JSON)
                        .with(auditor(Permission.AUDIT_VIEW)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/x-pem-file"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.US_ASCII);
        assertThat(SigningKeys.readPublicKey(pem)).isEqualTo(key);
    }
}

package org.atalaya.recording.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.TestAccounts.Grant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@AtalayaTest
class LegalHoldApiTest {

    private static final String HOLD = """
            {"from": "2026-11-01T10:00:00Z", "to": "2026-11-01T12:00:00Z", "reason": "Robbery at the corner",
             "case": "IPP-1234/26"}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;

    private LegalHoldFixtures fixtures;
    private String group;
    private long camera;
    private ApiClient keeper;

    @BeforeEach
    void setUp() {
        fixtures = new LegalHoldFixtures(jdbc, accounts, port);
        group = fixtures.group();
        camera = fixtures.camera(group, LegalHoldFixtures.unique("Corner"));
        keeper = new ApiClient(port, fixtures.tokenScopedTo(group, "CAMERA_VIEW", "LEGAL_HOLD_MANAGE"));
    }

    @Test
    void setListAndReleaseAHoldAllAudited() {
        HttpResponse<String> set = keeper.post("/api/v1/cameras/" + camera + "/legal-holds", HOLD);

        assertThat(set.statusCode()).as(set.body()).isEqualTo(201);
        JsonNode hold = ApiClient.json(set);
        long id = hold.path("id").asLong();
        assertThat(hold.path("cameraId").asLong()).isEqualTo(camera);
        assertThat(hold.path("from").asString()).isEqualTo("2026-11-01T10:00:00Z");
        assertThat(hold.path("to").asString()).isEqualTo("2026-11-01T12:00:00Z");
        assertThat(hold.path("case").asString()).isEqualTo("IPP-1234/26");
        assertThat(hold.path("active").asBoolean()).isTrue();
        assertThat(audit("recording.legal-hold.set", id)).containsEntry("reason", "Robbery at the corner")
                .containsEntry("case_number", "IPP-1234/26")
                .containsEntry("target", "camera:" + camera + " " + cameraName());

        HttpResponse<String> noReason = keeper.post("/api/v1/legal-holds/" + id + "/release", "{\"reason\": \" \"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(noReason).path("detail").asString()).contains("reason");

        HttpResponse<String> released = keeper.post("/api/v1/legal-holds/" + id + "/release",
                "{\"reason\": \"Case closed by the prosecutor\"}");
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        assertThat(ApiClient.json(released).path("active").asBoolean()).isFalse();
        assertThat(ApiClient.json(released).path("releaseReason").asString()).isEqualTo("Case closed by the prosecutor");
        assertThat(audit("recording.legal-hold.release", id)).containsEntry("reason", "Case closed by the prosecutor")
                .containsEntry("case_number", "IPP-1234/26");

        HttpResponse<String> again = keeper.post("/api/v1/legal-holds/" + id + "/release", "{\"reason\": \"twice\"}");
        assertThat(again.statusCode()).isEqualTo(409);

        JsonNode list = ApiClient.json(keeper.get("/api/v1/cameras/" + camera + "/legal-holds"));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("id").asLong()).isEqualTo(id);
        assertThat(list.get(0).path("releasedBy").asString()).startsWith("hold-user");
    }

    @Test
    void refusesBadInputWithASentence() {
        Map<String, String> bodies = Map.of(
                "{\"from\": \"2026-11-01T12:00:00Z\", \"to\": \"2026-11-01T10:00:00Z\", \"reason\": \"x\"}",
                "start before it ends",
                "{\"from\": \"2026-11-01T10:00:00Z\", \"to\": \"2026-11-01T12:00:00Z\"}", "give the reason",
                "{\"to\": \"2026-11-01T12:00:00Z\", \"reason\": \"x\"}", "from when",
                "{\"from\": \"yesterday\", \"to\": \"2026-11-01T12:00:00Z\", \"reason\": \"x\"}", "yesterday");
        bodies.forEach((body, words) -> {
            HttpResponse<String> response = keeper.post("/api/v1/cameras/" + camera + "/legal-holds", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(ApiClient.json(response).path("detail").asString()).as(body).contains(words);
        });
        assertThat(holdsOf(camera)).isZero();

        HttpResponse<String> unknown = keeper.post("/api/v1/cameras/987654321987/legal-holds", HOLD);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(unknown).path("detail").asString()).contains("no camera 987654321987");
        assertThat(keeper.post("/api/v1/legal-holds/987654321987/release", "{\"reason\": \"x\"}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void onlyThoseWhoMayManageHoldsForTheCamerasGroupMaySetOrReleaseThem() {
        ApiClient viewerOnly = new ApiClient(port, fixtures.tokenScopedTo(group, "CAMERA_VIEW", "PLAYBACK_VIEW"));
        String otherGroup = fixtures.group();
        ApiClient keeperElsewhere = new ApiClient(port, fixtures.tokenScopedTo(otherGroup, "LEGAL_HOLD_MANAGE"));
        ApiClient seesButKeepsElsewhere = new ApiClient(port, fixtures.tokenWith(List.of(
                new Grant("LEGAL_HOLD_MANAGE", otherGroup),
                new Grant("CAMERA_VIEW", group))));

        assertThat(viewerOnly.post("/api/v1/cameras/" + camera + "/legal-holds", HOLD).statusCode()).isEqualTo(403);
        assertThat(keeperElsewhere.post("/api/v1/cameras/" + camera + "/legal-holds", HOLD).statusCode())
                .isEqualTo(404);
        assertThat(keeperElsewhere.get("/api/v1/cameras/" + camera + "/legal-holds").statusCode()).isEqualTo(404);
        assertThat(seesButKeepsElsewhere.post("/api/v1/cameras/" + camera + "/legal-holds", HOLD).statusCode())
                .isEqualTo(403);
        assertThat(holdsOf(camera)).isZero();

        long id = ApiClient.json(keeper.post("/api/v1/cameras/" + camera + "/legal-holds", HOLD)).path("id").asLong();
        assertThat(keeperElsewhere.post("/api/v1/legal-holds/" + id + "/release", "{\"reason\": \"mine now\"}")
                .statusCode()).isEqualTo(404);
        assertThat(seesButKeepsElsewhere.post("/api/v1/legal-holds/" + id + "/release", "{\"reason\": \"mine now\"}")
                .statusCode()).isEqualTo(403);
        assertThat(new ApiClient(port, fixtures.tokenFor("admin"))
                .post("/api/v1/legal-holds/" + id + "/release", "{\"reason\": \"admin\"}").statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT released_at IS NULL FROM legal_hold WHERE id = ?").param(id)
                .query(Boolean.class).single()).isTrue();
    }

    private Map<String, Object> audit(String action, long holdId) {
        List<Map<String, Object>> rows = jdbc.sql("""
                        SELECT target, reason, case_number FROM audit_entry
                        WHERE action = :action AND details->>'hold' = :hold""")
                .param("action", action).param("hold", Long.toString(holdId))
                .query().listOfRows();
        assertThat(rows).hasSize(1);
        return rows.getFirst();
    }

    private String cameraName() {
        return jdbc.sql("SELECT name FROM cameras WHERE id = ?").param(camera).query(String.class).single();
    }

    private long holdsOf(long cameraId) {
        return jdbc.sql("SELECT count(*) FROM legal_hold WHERE camera_id = ?").param(cameraId)
                .query(Long.class).single();
    }
}

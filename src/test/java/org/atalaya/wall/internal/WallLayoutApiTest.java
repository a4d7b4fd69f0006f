package org.atalaya.wall.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.TestAccounts;
import org.atalaya.test.TestAccounts.Grant;
import org.atalaya.wall.internal.WallFixtures.Operator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Named wall layouts over the API: each user's own, shared ones, and the words of every refusal. */
@AtalayaTest
class WallLayoutApiTest {

    private static final String LAYOUTS = "/api/v1/wall/layouts";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;

    private WallFixtures fixtures;
    private String group;
    private long gate;
    private long square;

    @BeforeEach
    void cameras() {
        fixtures = new WallFixtures(jdbc, accounts, port);
        group = fixtures.group();
        gate = fixtures.camera(group, TestAccounts.unique("Gate"));
        square = fixtures.camera(group, TestAccounts.unique("Square"));
    }

    @Test
    void aLayoutIsCreatedOpenedChangedAndDeletedByItsOwnerAndEachChangeIsAudited() {
        Operator owner = fixtures.watcherOf(group);
        String name = TestAccounts.unique("Night shift");

        HttpResponse<String> created = owner.api().post(LAYOUTS, """
                {"name": " %s ", "grid": "2x2", "tiles": [{"camera": %d}, null,
                 {"tour": {"cameras": [%d, %d], "dwellSeconds": 5}}]}""".formatted(name, gate, gate, square));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode layout = ApiClient.json(created);
        long id = layout.path("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue(LAYOUTS + "/" + id);
        assertThat(layout.path("name").asString()).isEqualTo(name);
        assertThat(layout.path("owner").asString()).isEqualTo(owner.username());
        assertThat(layout.path("mine").asBoolean()).isTrue();
        assertThat(layout.path("shared").asBoolean()).isFalse();
        assertThat(layout.path("grid").asString()).isEqualTo("2x2");
        assertThat(layout.path("tiles").get(0).path("camera").asLong()).isEqualTo(gate);
        assertThat(layout.path("tiles").get(1).isNull()).isTrue();
        assertThat(layout.path("tiles").get(2).path("tour").path("cameras").valueStream().map(JsonNode::asLong))
                .containsExactly(gate, square);
        assertThat(layout.path("tiles").get(2).path("tour").path("dwellSeconds").asInt()).isEqualTo(5);

        JsonNode opened = ApiClient.json(owner.api().get(LAYOUTS + "/" + id));
        assertThat(opened.path("tiles").get(0).path("camera").asLong()).isEqualTo(gate);
        assertThat(namesIn(owner.api().get(LAYOUTS))).contains(name);

        String renamed = name + " (B)";
        HttpResponse<String> updated = owner.put(LAYOUTS + "/" + id, """
                {"name": "%s", "shared": true, "grid": "1+5", "tiles": [null, {"camera": %d}]}"""
                .formatted(renamed, square));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(ApiClient.json(updated).path("grid").asString()).isEqualTo("1+5");
        assertThat(ApiClient.json(updated).path("shared").asBoolean()).isTrue();
        assertThat(ApiClient.json(owner.api().get(LAYOUTS + "/" + id)).path("tiles").get(1).path("camera").asLong())
                .isEqualTo(square);

        assertThat(owner.api().delete(LAYOUTS + "/" + id).statusCode()).isEqualTo(204);
        assertThat(owner.api().get(LAYOUTS + "/" + id).statusCode()).isEqualTo(404);
        assertThat(namesIn(owner.api().get(LAYOUTS))).doesNotContain(name, renamed);

        assertThat(jdbc.sql("SELECT action || ' ' || actor || ' ' || target FROM audit_entry WHERE target LIKE ? "
                        + "ORDER BY seq").param("wall-layout:" + id + " %").query(String.class).list())
                .containsExactly(
                        "wall.layout.create " + owner.username() + " wall-layout:" + id + " " + name,
                        "wall.layout.update " + owner.username() + " wall-layout:" + id + " " + renamed,
                        "wall.layout.delete " + owner.username() + " wall-layout:" + id + " " + renamed);
    }

    @Test
    void aLayoutIsListedAndOpenedForOthersOnlyWhenSharedAndOnlyItsOwnerChangesIt() {
        Operator owner = fixtures.watcherOf(group);
        Operator colleague = fixtures.watcherOf(group);
        String name = TestAccounts.unique("Bus terminal");
        long id = create(owner, name, false, "1x1", "[{\"camera\": %d}]".formatted(gate));

        assertThat(colleague.api().get(LAYOUTS + "/" + id).statusCode()).isEqualTo(404);
        assertThat(namesIn(colleague.api().get(LAYOUTS))).doesNotContain(name);

        share(owner, id, name);

        JsonNode listed = entry(colleague.api().get(LAYOUTS), id);
        assertThat(listed.path("owner").asString()).isEqualTo(owner.username());
        assertThat(listed.path("mine").asBoolean()).isFalse();
        assertThat(listed.path("shared").asBoolean()).isTrue();
        HttpResponse<String> opened = colleague.api().get(LAYOUTS + "/" + id);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(opened).path("tiles").get(0).path("camera").asLong()).isEqualTo(gate);

        HttpResponse<String> changed = colleague.put(LAYOUTS + "/" + id,
                "{\"name\": \"mine now\", \"grid\": \"1x1\"}");
        HttpResponse<String> deleted = colleague.api().delete(LAYOUTS + "/" + id);
        assertThat(changed.statusCode()).isEqualTo(403);
        assertThat(detail(changed)).isEqualTo("The layout “" + name + "” belongs to " + owner.username()
                + ": you may open it, but only " + owner.username() + " may change or delete it. Save it under a "
                + "name of your own instead.");
        assertThat(deleted.statusCode()).isEqualTo(403);
        assertThat(owner.api().get(LAYOUTS + "/" + id).statusCode()).isEqualTo(200);
        assertThat(colleague.api().delete(LAYOUTS + "/987654321").statusCode()).isEqualTo(404);
    }

    @Test
    void aSharedLayoutShowsEachViewerOnlyTheCamerasTheyMayWatchLive() {
        String otherGroup = fixtures.group();
        long elsewhere = fixtures.camera(otherGroup, TestAccounts.unique("Depot"));
        Operator owner = fixtures.watcherOf(group, otherGroup);
        Operator viewer = fixtures.watcherOf(group);
        String name = TestAccounts.unique("Mixed");
        long id = create(owner, name, true, "3x3", """
                [{"camera": %d}, {"camera": %d}, {"tour": {"cameras": [%d, %d, %d], "dwellSeconds": 8}},
                 {"tour": {"cameras": [%d, %d], "dwellSeconds": 8}}]"""
                .formatted(elsewhere, gate, gate, elsewhere, square, elsewhere, elsewhere));

        JsonNode seen = ApiClient.json(viewer.api().get(LAYOUTS + "/" + id));

        JsonNode tiles = seen.path("tiles");
        assertThat(tiles.get(0).path("forbidden").asBoolean()).isTrue();
        assertThat(tiles.get(0).has("camera")).isFalse();
        assertThat(tiles.get(1).path("camera").asLong()).isEqualTo(gate);
        assertThat(tiles.get(2).path("tour").path("cameras").valueStream().map(JsonNode::asLong))
                .containsExactly(gate, square);
        assertThat(tiles.get(3).path("forbidden").asBoolean()).isTrue();
        assertThat(seen.toString()).doesNotContain("\"camera\":" + elsewhere);
        assertThat(ApiClient.json(owner.api().get(LAYOUTS + "/" + id)).path("tiles").get(0).path("camera").asLong())
                .isEqualTo(elsewhere);
    }

    @Test
    void namesAreUniquePerOwnerWhateverTheirCase() {
        Operator owner = fixtures.watcherOf(group);
        Operator colleague = fixtures.watcherOf(group);
        String name = TestAccounts.unique("Stadium");
        long first = create(owner, name, true, "2x2", "[]");
        long second = create(owner, name + " 2", false, "2x2", "[]");

        HttpResponse<String> again = owner.api().post(LAYOUTS, layout(name.toUpperCase(), "2x2", "[]"));
        HttpResponse<String> renamed = owner.put(LAYOUTS + "/" + second, layout(name, "2x2", "[]"));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(detail(again)).isEqualTo("You already have a layout named “" + name.toUpperCase()
                + "”. Choose another name, or open that layout and save over it.");
        assertThat(renamed.statusCode()).isEqualTo(409);
        assertThat(owner.put(LAYOUTS + "/" + first, layout(name, "3x3", "[]")).statusCode())
                .as("saving over itself").isEqualTo(200);
        assertThat(colleague.api().post(LAYOUTS, layout(name, "2x2", "[]")).statusCode())
                .as("another user's layout of the same name").isEqualTo(201);
    }

    @Test
    void refusedLayoutsSayWhatIsWrong() {
        String otherGroup = fixtures.group();
        long hidden = fixtures.camera(otherGroup, TestAccounts.unique("Hidden"));
        String seenName = TestAccounts.unique("Seen");
        String seenGroup = fixtures.group();
        long seenOnly = fixtures.camera(seenGroup, seenName);
        Operator owner = fixtures.operator(List.of(new Grant("CAMERA_VIEW", group), new Grant("LIVE_VIEW", group),
                new Grant("CAMERA_VIEW", seenGroup)));
        String name = TestAccounts.unique("Refused");

        assertRefused(owner, layout("  ", "2x2", "[]"), "A layout needs a name.");
        assertRefused(owner, layout("x".repeat(81), "2x2", "[]"), "A layout name may be at most 80 characters long.");
        assertRefused(owner, layout(name, "5x5", "[]"), "The grid must be one of 1x1, 2x2, 3x3, 4x4, 1+5, not “5x5”.");
        assertRefused(owner, layout(name, "2x2", "[null, null, null, null, null]"),
                "The grid 2x2 has 4 tiles, but 5 were sent.");
        assertRefused(owner, layout(name, "2x2", "[{\"camera\": %d, \"tour\": {\"cameras\": [%d, %d], \"dwellSeconds\": 3}}]"
                .formatted(gate, gate, square)), "Tile 1 holds a camera and a tour: it can show only one of them.");
        assertRefused(owner, layout(name, "2x2", "[null, {\"tour\": {\"cameras\": [%d], \"dwellSeconds\": 3}}]"
                .formatted(gate)), "The tour of tile 2 needs 2 to 64 cameras.");
        assertRefused(owner, layout(name, "2x2", "[{\"tour\": {\"cameras\": [%d, %d], \"dwellSeconds\": 0}}]"
                .formatted(gate, square)), "The tour of tile 1 must show each camera for 1 to 3600 seconds.");
        assertRefused(owner, layout(name, "2x2", "[null, null, {\"camera\": 987654321}]"),
                "Tile 3: there is no camera 987654321 that you may see.");
        assertRefused(owner, layout(name, "2x2", "[{\"camera\": %d}]".formatted(hidden)),
                "Tile 1: there is no camera " + hidden + " that you may see.");
        assertRefused(owner, layout(name, "2x2", "[{\"tour\": {\"cameras\": [%d, %d], \"dwellSeconds\": 3}}]"
                .formatted(gate, seenOnly)), "Tile 1: you may not watch camera “" + seenName + "” live.");
        HttpResponse<String> malformed = owner.api().post(LAYOUTS, "{\"name\": \"x\", \"tiles\": [{\"camera\": \"one\"}]}");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(detail(malformed)).startsWith("The request body is not valid JSON for this endpoint");

        assertThat(namesIn(owner.api().get(LAYOUTS))).doesNotContain(name);
    }

    @Test
    void refusalsAreWordedInSpanishForSpanishReaders() {
        Operator owner = fixtures.watcherOf(group);

        HttpResponse<String> refused = owner.postIn("es", LAYOUTS, layout("Plaza", "2x2", "[{\"camera\": 987654321}]"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(detail(refused)).isEqualTo("Recuadro 1: no hay ninguna cámara 987654321 que usted pueda ver.");
    }

    @Test
    void withoutLiveViewThereAreNoLayouts() {
        Operator viewer = fixtures.operator(List.of(new Grant("CAMERA_VIEW", group)));

        assertThat(viewer.api().get(LAYOUTS).statusCode()).isEqualTo(403);
        assertThat(viewer.api().post(LAYOUTS, layout("No", "1x1", "[]")).statusCode()).isEqualTo(403);
    }

    private static void assertRefused(Operator owner, String body, String expected) {
        HttpResponse<String> response = owner.api().post(LAYOUTS, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(ApiClient.json(response).path("title").asString()).isEqualTo("Invalid layout");
        assertThat(detail(response)).isEqualTo(expected);
    }

    private static long create(Operator owner, String name, boolean shared, String grid, String tiles) {
        HttpResponse<String> created = owner.api().post(LAYOUTS, """
                {"name": "%s", "shared": %s, "grid": "%s", "tiles": %s}""".formatted(name, shared, grid, tiles));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.json(created).path("id").asLong();
    }

    private static void share(Operator owner, long id, String name) {
        JsonNode layout = ApiClient.json(owner.api().get(LAYOUTS + "/" + id));
        HttpResponse<String> shared = owner.put(LAYOUTS + "/" + id, """
                {"name": "%s", "shared": true, "grid": "%s", "tiles": %s}"""
                .formatted(name, layout.path("grid").asString(), layout.path("tiles")));
        assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
    }

    private static String layout(String name, String grid, String tiles) {
        return "{\"name\": \"%s\", \"grid\": \"%s\", \"tiles\": %s}".formatted(name, grid, tiles);
    }

    private static List<String> namesIn(HttpResponse<String> list) {
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return ApiClient.json(list).valueStream().map(entry -> entry.path("name").asString()).toList();
    }

    private static JsonNode entry(HttpResponse<String> list, long id) {
        return ApiClient.json(list).valueStream().filter(entry -> entry.path("id").asLong() == id).findFirst()
                .orElseThrow(() -> new AssertionError("layout " + id + " is not listed: " + list.body()));
    }

    private static String detail(HttpResponse<String> response) {
        return ApiClient.json(response).path("detail").asString();
    }
}

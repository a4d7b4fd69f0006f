package org.atalaya.map.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.atalaya.camera.CameraStatus;
import org.atalaya.camera.CameraStatuses;
import org.atalaya.identity.UserAccounts;
import org.atalaya.media.StreamProblem;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.EventStreamReader;
import org.atalaya.test.TestAccounts.Grant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The map's cameras and their status stream show a user only the cameras of the groups they may view. */
@AtalayaTest
class MapApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    CameraStatuses statuses;
    @Autowired
    DataSource dataSource;

    MapFixtures fixtures;
    String seenGroup;
    String hiddenGroup;
    long seen;
    long hidden;
    String viewerToken;

    @BeforeEach
    void cameras() {
        fixtures = new MapFixtures(jdbc, accounts, events, transaction, port);
        seenGroup = fixtures.group();
        hiddenGroup = fixtures.group();
        seen = fixtures.camera(MapFixtures.name("gate"), seenGroup, -24.1858, -65.2995, 90.0);
        hidden = fixtures.camera(MapFixtures.name("yard"), hiddenGroup, -24.1862, -65.3001, 180.0);
        viewerToken = fixtures.tokenWith(List.of(new Grant("CAMERA_VIEW", seenGroup), new Grant("LIVE_VIEW", seenGroup),
                new Grant("PLAYBACK_VIEW", hiddenGroup)));
    }

    @Test
    void listsOnlyTheCamerasOfGroupsTheUserMayViewWithPlaceViewStatusAndLinks() {
        Instant since = Instant.parse("2026-11-29T04:00:00Z");
        fixtures.report(seen, CameraStatus.OFFLINE, since);

        var response = new ApiClient(port, viewerToken).get("/api/v1/map/cameras");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<Long, JsonNode> cameras = byId(ApiClient.json(response));
        assertThat(cameras).containsKey(seen).doesNotContainKey(hidden);
        JsonNode camera = cameras.get(seen);
        assertThat(camera.path("lat").asDouble()).isEqualTo(-24.1858);
        assertThat(camera.path("lon").asDouble()).isEqualTo(-65.2995);
        assertThat(camera.path("heading").asDouble()).isEqualTo(90.0);
        assertThat(camera.path("fov").asDouble()).isEqualTo(70.0);
        assertThat(camera.path("range").asDouble()).isEqualTo(80.0);
        assertThat(camera.path("status").asString()).isEqualTo("offline");
        assertThat(camera.path("statusText").asString()).isEqualTo("offline");
        assertThat(camera.path("problem").asString()).isEqualTo("unreachable");
        assertThat(camera.path("problemDetail").asString()).isEqualTo("unreachable (Connection refused)");
        assertThat(Instant.parse(camera.path("since").asString())).isEqualTo(since);
        assertThat(camera.path("links").path("live").asString()).isEqualTo("/cameras/" + seen + "/live");
        assertThat(camera.path("links").path("wall").asString()).isEqualTo("/live?add=" + seen);
        assertThat(camera.path("links").has("playback")).as("no playback permission for its group").isFalse();
    }

    @Test
    void answersMoreRequestsThanThereAreDatabaseConnections() throws Exception {
        int connections = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        ApiClient viewer = new ApiClient(port, viewerToken);

        for (int request = 0; request <= connections; request++) {
            assertThat(viewer.get("/api/v1/map/cameras").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aCameraNeverReportedIsUnknownAndTheStatusIsWordedInTheUsersLanguage() {
        var english = byId(ApiClient.json(new ApiClient(port, viewerToken).get("/api/v1/map/cameras"))).get(seen);
        assertThat(english.path("status").asString()).isEqualTo("unknown");
        assertThat(english.has("since")).isFalse();
        assertThat(statuses.latest(seen)).isEmpty();

        fixtures.report(seen, CameraStatus.ERROR, Instant.parse("2026-11-29T05:00:00Z"));
        var spanish = byId(ApiClient.json(new ApiClient(port, viewerToken).get("/api/v1/map/cameras?lang=es")))
                .get(seen);
        assertThat(spanish.path("statusText").asString()).isEqualTo("error");
        assertThat(spanish.path("problem").asString()).isEqualTo("inalcanzable");
        assertThat(statuses.latest(seen)).hasValueSatisfying(latest -> {
            assertThat(latest.status()).isEqualTo(CameraStatus.ERROR);
            assertThat(latest.problemKind()).isEqualTo(StreamProblem.UNREACHABLE);
        });
        assertThat(statuses.latest()).containsKey(seen).doesNotContainKey(hidden);
    }

    @Test
    void aUserWithoutCameraViewGetsNeitherTheCamerasNorTheStream() throws Exception {
        String playbackOnly = fixtures.tokenScopedTo(hiddenGroup, "PLAYBACK_VIEW");

        assertThat(new ApiClient(port, playbackOnly).get("/api/v1/map/cameras").statusCode()).isEqualTo(403);
        try (var stream = new EventStreamReader(port, "/api/v1/cameras/status/events", playbackOnly)) {
            assertThat(stream.status()).isEqualTo(403);
        }
    }

    @Test
    void theStatusStreamAnswersThoseWhoAskForEventsAndTellsOthersWhy() {
        var response = new ApiClient(port, viewerToken).get("/api/v1/cameras/status/events");

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(ApiClient.json(response).path("detail").asString()).contains("text/event-stream");
    }

    @Test
    void theStatusStreamStartsWithTheVisibleCamerasAndSendsOnlyTheirChanges() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        fixtures.report(seen, CameraStatus.ONLINE, now.minusSeconds(60));
        fixtures.report(hidden, CameraStatus.ONLINE, now.minusSeconds(60));

        try (var stream = new EventStreamReader(port, "/api/v1/cameras/status/events", viewerToken)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            stream.until(line -> line.contains("\"cameraId\":" + seen + ",") && line.contains("\"online\""), WAIT);

            fixtures.report(hidden, CameraStatus.OFFLINE, now);
            fixtures.report(seen, CameraStatus.OFFLINE, now.minusSeconds(120));
            fixtures.report(seen, CameraStatus.OFFLINE, now);
            String change = stream.until(line -> line.contains("\"cameraId\":" + seen + ",")
                    && line.contains("\"offline\""), WAIT);

            assertThat(change).startsWith("data:").contains("\"problem\":\"unreachable\"")
                    .contains("\"since\":\"" + now + "\"");
            assertThat(stream.seen()).as("nothing about the hidden camera")
                    .noneMatch(line -> line.contains("\"cameraId\":" + hidden + ","));
            assertThat(stream.seen()).contains("event: status");
        }
    }

    private static Map<Long, JsonNode> byId(JsonNode cameras) {
        return StreamSupport.stream(cameras.spliterator(), false)
                .collect(java.util.stream.Collectors.toMap(camera -> camera.path("id").asLong(), camera -> camera));
    }
}

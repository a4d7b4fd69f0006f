package org.atalaya.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.TestAccounts;
import org.atalaya.tracking.TrackedDevices;
import org.atalaya.tracking.TrackingProperties;
import org.atalaya.tracking.UnitPosition;
import org.atalaya.tracking.UnitPositions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@AtalayaTest
class PositionsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    TrackedDevices devices;
    @Autowired
    UnitPositions positions;
    @Autowired
    PositionStore store;
    @Autowired
    LatestPositions latest;
    @Autowired
    ApplicationEventPublisher events;

    private TrackingFixtures fixtures;
    private TestAccounts testAccounts;

    @BeforeEach
    void setUp() {
        fixtures = new TrackingFixtures(jdbc, port);
        testAccounts = new TestAccounts(jdbc, accounts, "tracking");
    }

    @Test
    void aDispatcherReadsAUnitsTrackAndTheReadingIsAudited() {
        long unit = fixtures.unit();
        String device = TestAccounts.unique("dev");
        devices.register(device, unit, "tracking-test");
        Instant first = Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 3; i++) {
            assertThat(fixtures.get("/osmand?id=" + device + "&lat=-24.1" + i + "&lon=-65.3&speed=2&timestamp="
                    + first.plusSeconds(60L * i).getEpochSecond()).statusCode()).isEqualTo(200);
        }
        ApiClient dispatcher = new ApiClient(port, testAccounts.tokenFor("dispatcher"));

        HttpResponse<String> response = dispatcher.get("/api/v1/units/" + unit + "/track?from="
                + first.plusSeconds(30) + "&to=" + Instant.now());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode track = ApiClient.json(response);
        assertThat(track.get("positions")).hasSize(2);
        assertThat(track.get("positions").get(0).get("latitude").asDouble()).isEqualTo(-24.11);
        assertThat(track.get("positions").get(0).get("at").asString()).isEqualTo(first.plusSeconds(60).toString());
        assertThat(track.get("positions").get(0).get("source").asString()).isEqualTo("OSMAND");
        assertThat(track.get("positions").get(0).has("deviceId")).as("the device id is its credential").isFalse();
        assertThat(track.get("truncated").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'tracking.track.viewed' AND target = ?")
                .param("unit:" + unit).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aTrackNeedsARangeThatMakesSenseAndThePermissionToSeeUnits() {
        ApiClient dispatcher = new ApiClient(port, testAccounts.tokenFor("dispatcher"));
        ApiClient responder = new ApiClient(port, testAccounts.tokenFor("responder"));

        HttpResponse<String> backwards = dispatcher.get("/api/v1/units/1/track?from=2026-01-02T00:00:00Z"
                + "&to=2026-01-01T00:00:00Z");

        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(backwards).get("detail").asString()).contains("must be before");
        assertThat(responder.get("/api/v1/units/1/track").statusCode()).isEqualTo(403);
        assertThat(responder.get("/api/v1/units/positions").statusCode()).isEqualTo(403);
    }

    @Test
    void theLatestPositionsOfAllUnitsIncludeOneReportedThroughTheResponderPage() {
        long unit = fixtures.unit();
        Instant at = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);

        positions.report(new UnitPosition(unit, -24.19, -65.29, at, 1.5, null, 20.0));

        HttpResponse<String> response = new ApiClient(port, testAccounts.tokenFor("dispatcher"))
                .get("/api/v1/units/positions");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode mine = null;
        for (JsonNode one : ApiClient.json(response)) if (one.get("unitId").asLong() == unit) mine = one;
        assertThat(mine).isNotNull();
        assertThat(mine.get("latitude").asDouble()).isEqualTo(-24.19);
        assertThat(mine.get("at").asString()).isEqualTo(at.toString());
        assertThat(jdbc.sql("SELECT source FROM unit_positions WHERE unit_id = ?").param(unit)
                .query(String.class).single()).isEqualTo("RESPONDER_PAGE");
    }

    @Test
    void anImpossibleReportFromTheResponderPageIsRefusedWithTheReason() {
        long unit = fixtures.unit();

        assertThatThrownBy(() -> positions.report(new UnitPosition(unit, 0, 200, Instant.now(), null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Longitude 200.0 is out of range");
        assertThatThrownBy(() -> positions.report(new UnitPosition(unit, 0, 0, Instant.now().plusSeconds(3600),
                null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in the future");
        assertThat(positions.latest(unit)).isEmpty();
    }

    @Test
    void beyondTheMostPendingPositionsTheWriterRefusesAtOnceAndStoresNothing() {
        long unit = 900_000_000L + (long) (Math.random() * 1_000_000);
        PositionWriter writer = new PositionWriter(store, latest, events, new IngestCounters(),
                new TrackingProperties(0, 0, null, 0, null, 2, null));
        writer.start();
        try {
            List<PositionRow> three = List.of(row(unit, 1), row(unit, 2), row(unit, 3));

            assertThat(TrackingPositions.storeAndWait(writer, three)).isEqualTo(TrackingPositions.Outcome.BUSY);
            assertThat(TrackingPositions.storeAndWait(writer, three.subList(0, 2)))
                    .isEqualTo(TrackingPositions.Outcome.STORED);
        } finally {
            writer.stop();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM unit_positions WHERE unit_id = ?").param(unit)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(TrackingPositions.storeAndWait(writer, List.of(row(unit, 4))))
                .as("a stopped writer stores nothing").isEqualTo(TrackingPositions.Outcome.NOT_STORED);
    }

    @Test
    void aRowTheDatabaseRefusesDoesNotCostTheOthersOfItsBatch() {
        long unit = 920_000_000L + (long) (Math.random() * 1_000_000);
        PositionWriter writer = new PositionWriter(store, latest, events, new IngestCounters(),
                new TrackingProperties(0, 0, null, 0, null, 0, null));
        writer.start();
        try {
            PositionRow impossible = new PositionRow(unit, null, Instant.now(), Instant.now(), 100, 2, null, null,
                    null, null, null, null, false, PositionRow.Source.RESPONDER_PAGE);

            assertThat(TrackingPositions.storeAndWait(writer, List.of(row(unit, 1), impossible, row(unit, 2))))
                    .isEqualTo(TrackingPositions.Outcome.NOT_STORED);
        } finally {
            writer.stop();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM unit_positions WHERE unit_id = ?").param(unit)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void atStartTheLatestOfEachUnitIsItsNewestValidFixOfTheLastDays() {
        long unit = 910_000_000L + (long) (Math.random() * 1_000_000);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store.insert(List.of(
                new PositionRow(unit, "d", now.minusSeconds(120), now, -24.1, -65.1, 5.4016666, 90.0, 1250.0, 12.0,
                        null, 87.0, true, PositionRow.Source.OSMAND),
                new PositionRow(unit, "d", now.minusSeconds(60), now, -24.2, -65.2, 12.5, 359.5, null, 7.5,
                        1.1, null, true, PositionRow.Source.OSMAND),
                new PositionRow(unit, "d", now.minusSeconds(30), now, -24.3, -65.3, null, null, null, null,
                        null, null, false, PositionRow.Source.OSMAND)));

        LatestPositions loaded = new LatestPositions(store, java.time.Clock.systemUTC());

        assertThat(loaded.of(unit)).contains(new UnitPosition(unit, -24.2, -65.2, now.minusSeconds(60), 12.5, 359.5,
                7.5));
    }

    private static PositionRow row(long unit, int second) {
        Instant at = Instant.now().minusSeconds(100 - second);
        return new PositionRow(unit, null, at, at, 1, 2, null, null, null, null, null, null, false,
                PositionRow.Source.RESPONDER_PAGE);
    }
}

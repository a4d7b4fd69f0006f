package org.atalaya.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.atalaya.test.AtalayaTest;
import org.atalaya.test.TestAccounts;
import org.atalaya.tracking.TrackedDevices;
import org.atalaya.tracking.UnitMoved;
import org.atalaya.tracking.UnitPosition;
import org.atalaya.tracking.UnitPositions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.simple.JdbcClient;

@AtalayaTest
class OsmandEndpointTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TrackedDevices devices;
    @Autowired
    UnitPositions positions;
    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    ApplicationEventMulticaster multicaster;
    @Autowired
    IngestCounters counters;

    private TrackingFixtures fixtures;
    private final List<UnitMoved> moves = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> recorder = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof UnitMoved moved) {
            moves.add(moved);
        }
    };

    @BeforeEach
    void listen() {
        fixtures = new TrackingFixtures(jdbc, port);
        context.addApplicationListener(recorder);
    }

    @AfterEach
    void stopListening() {
        multicaster.removeApplicationListener(recorder);
    }

    private String registeredDevice(long unit) {
        String device = TestAccounts.unique("dev");
        devices.register(device, unit, "tracking-test");
        return device;
    }

    private List<UnitMoved> movesOf(long unit) {
        return moves.stream().filter(moved -> moved.position().unitId() == unit).toList();
    }

    @Test
    void storesAPositionSentAsTheAndroidClientDoesAndMakesItTheUnitsLatest() {
        long unit = fixtures.unit();
        String device = registeredDevice(unit);
        long timestamp = Instant.now().minusSeconds(10).getEpochSecond();

        HttpResponse<String> response = fixtures.get("/osmand/?id=" + device + "&timestamp=" + timestamp
                + "&lat=-24.18&lon=-65.30&speed=10.5&bearing=90&altitude=1250&accuracy=12&batt=87.0");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(fixtures.rowsOf(device)).isEqualTo(1);
        UnitPosition expected = new UnitPosition(unit, -24.18, -65.30, Instant.ofEpochSecond(timestamp),
                10.5 * OsmandDecoder.METRES_PER_SECOND_PER_KNOT, 90.0, 12.0);
        assertThat(positions.latest(unit)).contains(expected);
        assertThat(positions.latestOfAll()).contains(expected);
        assertThat(movesOf(unit)).containsExactly(new UnitMoved(expected));
        assertThat(jdbc.sql("SELECT battery_pct FROM unit_positions WHERE device_id = ?").param(device)
                .query(Double.class).single()).isEqualTo(87.0);
    }

    @Test
    void acceptsAFormPostAPostWithAQueryAndNoBodyAndTheJsonOfTheNewerClient() {
        long unit = fixtures.unit();
        String device = registeredDevice(unit);
        Instant now = Instant.now();

        assertThat(fixtures.post("/osmand", "application/x-www-form-urlencoded", "id=" + device
                + "&lat=-24.1&lon=-65.1&timestamp=" + now.minusSeconds(30).getEpochSecond()).statusCode()).isEqualTo(200);
        assertThat(fixtures.post("/osmand?deviceid=" + device + "&location=-24.2,-65.2&timestamp="
                + now.minusSeconds(20).toEpochMilli(), null, "").statusCode()).isEqualTo(200);
        assertThat(fixtures.post("/osmand", "application/json; charset=utf-8", """
                {"location": {"timestamp": "%s", "coords": {"latitude": -24.3, "longitude": -65.3, "speed": 3.5,
                 "heading": 180, "accuracy": 5}, "battery": {"level": 0.5}, "is_moving": true},
                 "device_id": "%s"}""".formatted(now.minusSeconds(10), device)).statusCode()).isEqualTo(200);

        assertThat(fixtures.rowsOf(device)).isEqualTo(3);
        assertThat(positions.latest(unit)).get().satisfies(latest -> {
            assertThat(latest.latitude()).isEqualTo(-24.3);
            assertThat(latest.speedMps()).isEqualTo(3.5);
        });
        assertThat(movesOf(unit)).hasSize(3);
    }

    @Test
    void answersAnUnknownDevice400AsTraccarDoes() {
        HttpResponse<String> response = fixtures.get("/osmand?id=" + TestAccounts.unique("nobody")
                + "&lat=-24.18&lon=-65.30");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("Unknown device");
    }

    @Test
    void answersAnImpossiblePosition400WithTheReasonInOnePlainLine() {
        String device = registeredDevice(fixtures.unit());
        long inAnHour = Instant.now().plusSeconds(3600).getEpochSecond();
        long rejectedBefore = counters.snapshot().rejected();

        HttpResponse<String> outOfRange = fixtures.get("/osmand?id=" + device + "&lat=-95&lon=-65.30");
        HttpResponse<String> future = fixtures.get("/osmand?id=" + device + "&lat=-24&lon=-65&timestamp=" + inAnHour);

        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(outOfRange.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        assertThat(outOfRange.body()).isEqualTo("Latitude -95.0 is out of range (-90 to 90).\n");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("in the future");
        assertThat(fixtures.rowsOf(device)).isZero();
        assertThat(counters.snapshot().rejected()).as("counted for monitoring").isGreaterThanOrEqualTo(rejectedBefore + 2);
    }

    @Test
    void refusesABodyLargerThanSixteenKilobytes() {
        String device = registeredDevice(fixtures.unit());
        String padding = "x".repeat(OsmandController.MAX_BODY_BYTES);

        HttpResponse<String> response = fixtures.post("/osmand", "application/json", """
                {"device_id": "%s", "location": {"coords": {"latitude": 1, "longitude": 2}}, "pad": "%s"}"""
                .formatted(device, padding));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("larger than 16 KB");
        assertThat(fixtures.rowsOf(device)).isZero();
    }

    @Test
    void aLateOlderFixIsStoredButDoesNotReplaceTheLatest() {
        long unit = fixtures.unit();
        String device = registeredDevice(unit);
        Instant newer = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        Instant older = newer.minusSeconds(600);

        fixtures.get("/osmand?id=" + device + "&lat=-24.10&lon=-65.10&timestamp=" + newer.getEpochSecond());
        HttpResponse<String> late = fixtures.get("/osmand?id=" + device + "&lat=-24.20&lon=-65.20&timestamp="
                + older.getEpochSecond());

        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(fixtures.rowsOf(device)).isEqualTo(2);
        assertThat(positions.latest(unit)).get().extracting(UnitPosition::at).isEqualTo(newer);
        assertThat(movesOf(unit)).extracting(moved -> moved.position().at()).containsExactly(newer);
    }

    @Test
    void anInvalidFixIsStoredButNeverMadeLatest() {
        long unit = fixtures.unit();
        String device = registeredDevice(unit);

        HttpResponse<String> response = fixtures.get("/osmand?id=" + device + "&lat=-24.1&lon=-65.1&valid=false");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fixtures.rowsOf(device)).isEqualTo(1);
        assertThat(positions.latest(unit)).isEmpty();
        assertThat(movesOf(unit)).isEmpty();
    }

    @Test
    void aDeviceReportsForTheUnitItIsRegisteredToUntilItIsUnregistered() {
        long first = fixtures.unit();
        long second = fixtures.unit();
        String device = registeredDevice(first);

        devices.register(device, second, "tracking-test");
        assertThat(devices.devicesOf(first)).isEmpty();
        assertThat(devices.devicesOf(second)).containsExactly(device);
        assertThat(fixtures.get("/osmand?id=" + device + "&lat=-24.1&lon=-65.1").statusCode()).isEqualTo(200);
        assertThat(positions.latest(second)).isPresent();
        assertThat(positions.latest(first)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'tracking.device.registered' "
                + "AND target = ? AND details::text LIKE ?").param("unit:" + second).param("%unit:" + first + "%")
                .query(Long.class).single()).as("the move is audited with the unit it left").isEqualTo(1);

        assertThat(devices.unregister(device, "tracking-test")).isTrue();
        assertThat(devices.unregister(device, "tracking-test")).isFalse();
        assertThat(fixtures.get("/osmand?id=" + device + "&lat=-24.1&lon=-65.1").statusCode()).isEqualTo(400);
    }

    @Test
    void twoThousandPositionsFromTwoHundredDevicesOverFiftyThreadsAreAllStored() throws Exception {
        List<String> deviceIds = new ArrayList<>();
        long[] units = new long[20];
        for (int i = 0; i < units.length; i++) units[i] = fixtures.unit();
        for (int i = 0; i < 200; i++) deviceIds.add(registeredDevice(units[i % units.length]));
        long start = Instant.now().minusSeconds(3600).getEpochSecond();

        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(50)) {
            for (int n = 0; n < 2000; n++) {
                String device = deviceIds.get(n % deviceIds.size());
                long timestamp = start + n;
                double latitude = -24.0 - n / 100_000.0;
                answers.add(threads.submit(() -> fixtures.get("/osmand?id=" + device + "&lat=" + latitude
                        + "&lon=-65.3&timestamp=" + timestamp).statusCode()));
            }
        }

        for (Future<Integer> answer : answers) assertThat(answer.get()).isEqualTo(200);
        long stored = jdbc.sql("SELECT count(*) FROM unit_positions WHERE device_id IN (:devices)")
                .param("devices", deviceIds).query(Long.class).single();
        assertThat(stored).isEqualTo(2000);
        for (long unit : units) {
            // each unit's latest is its newest fix: the last of the 2,000 that went to one of its devices
            assertThat(positions.latest(unit)).get().extracting(UnitPosition::at)
                    .isEqualTo(Instant.ofEpochSecond(jdbc.sql("SELECT max(extract(epoch FROM fixed_at))::bigint "
                            + "FROM unit_positions WHERE unit_id = ?").param(unit).query(Long.class).single()));
        }
    }
}

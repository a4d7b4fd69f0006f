package org.atalaya.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@AtalayaTest
class AnalyticsSettingsStoreTest {

    private static final List<Zone.Point> TRIANGLE =
            List.of(new Zone.Point(0.1, 0.1), new Zone.Point(0.9, 0.1), new Zone.Point(0.5, 0.8));

    @Autowired
    JdbcAnalyticsSettingsStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @LocalServerPort
    int port;

    long camera;

    @BeforeEach
    void camera() {
        var fixtures = new AnalyticsSettingsFixtures(jdbc, accounts, port);
        camera = fixtures.camera(fixtures.group());
    }

    @Test
    void aCameraNobodyConfiguredHasTheDefaults() {
        assertThat(store.forCamera(camera)).isEqualTo(AnalyticsSettings.defaults(camera));
    }

    @Test
    void savedSettingsComeBackAsTheyWere() {
        var settings = new AnalyticsSettings(camera, true,
                List.of(new Zone("Gate", Zone.Kind.DETECT, TRIANGLE, 70, 2.5),
                        new Zone("Tree", Zone.Kind.EXCLUDE, TRIANGLE, 50, 0.1)),
                Duration.ofMillis(1500),
                List.of(new ArmingWindow(Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(22, 0),
                        LocalTime.of(6, 30))),
                false);

        store.save(settings, "analytics-supervisor");

        assertThat(store.forCamera(camera)).isEqualTo(settings);
        assertThat(jdbc.sql("SELECT updated_by FROM analytics_settings WHERE camera_id = ?").param(camera)
                .query(String.class).single()).isEqualTo("analytics-supervisor");
    }

    @Test
    void savingAgainReplacesTheSettings() {
        store.save(withZones(List.of(zone("Gate"))), "analytics-a");
        var replaced = new AnalyticsSettings(camera, false, List.of(), Duration.ZERO, List.of(), true);

        store.save(replaced, "analytics-b");

        assertThat(store.forCamera(camera)).isEqualTo(replaced);
    }

    @Test
    void zoneNamesAreOneToFortyCharacters() {
        refused(withZones(List.of(zone(""))), "1 to 40 characters");
        refused(withZones(List.of(zone("   "))), "1 to 40 characters");
        refused(withZones(List.of(zone("x".repeat(41)))), "1 to 40 characters");
        store.save(withZones(List.of(zone("x".repeat(40)))), "analytics");
    }

    @Test
    void zoneNamesAreUniquePerCamera() {
        refused(withZones(List.of(zone("Gate"), zone("gate"))), "Two zones are named");
    }

    @Test
    void aPolygonHasThreeToThirtyTwoPointsInsideThePicture() {
        refused(withZones(List.of(new Zone("Gate", Zone.Kind.DETECT, TRIANGLE.subList(0, 2), 50, 1))),
                "3 to 32 points, not 2");
        List<Zone.Point> many = IntStream.range(0, 33)
                .mapToObj(i -> new Zone.Point(i / 33.0, (i % 2) / 2.0)).toList();
        refused(withZones(List.of(new Zone("Gate", Zone.Kind.DETECT, many, 50, 1))), "3 to 32 points, not 33");
        refused(withZones(List.of(new Zone("Gate", Zone.Kind.DETECT,
                List.of(new Zone.Point(0, 0), new Zone.Point(1.01, 0), new Zone.Point(0, 1)), 50, 1))),
                "outside the picture");
        refused(withZones(List.of(new Zone("Gate", Zone.Kind.DETECT,
                List.of(new Zone.Point(0, 0), new Zone.Point(1, 0), new Zone.Point(0, -0.1)), 50, 1))),
                "outside the picture");
        store.save(withZones(List.of(new Zone("Gate", Zone.Kind.DETECT, many.subList(0, 32), 50, 1))), "analytics");
    }

    @Test
    void sensitivityIsOneToHundred() {
        refused(withZones(List.of(new Zone("Gate", Zone.Kind.DETECT, TRIANGLE, 0, 1))), "sensitivity");
        refused(withZones(List.of(new Zone("Gate", Zone.Kind.DETECT, TRIANGLE, 101, 1))), "sensitivity");
        store.save(withZones(List.of(new Zone("Gate", Zone.Kind.DETECT, TRIANGLE, 1, 1),
                new Zone("Door", Zone.Kind.DETECT, TRIANGLE, 100, 1))), "analytics");
    }

    @Test
    void minimumAreaIsATenthToHundredPercent() {
        refused(withZones(List.of(new Zone("Gate", Zone.Kind.DETECT, TRIANGLE, 50, 0.05))), "minimum area");
        refused(withZones(List.of(new Zone("Gate", Zone.Kind.DETECT, TRIANGLE, 50, 100.5))), "minimum area");
        store.save(withZones(List.of(new Zone("Gate", Zone.Kind.DETECT, TRIANGLE, 50, 100))), "analytics");
    }

    @Test
    void minimumDurationIsZeroToSixtySeconds() {
        refused(new AnalyticsSettings(camera, true, List.of(), Duration.ofMillis(60_001), List.of(), true),
                "0 to 60 seconds");
        refused(new AnalyticsSettings(camera, true, List.of(), Duration.ofMillis(-1), List.of(), true),
                "0 to 60 seconds");
        var longest = new AnalyticsSettings(camera, true, List.of(), Duration.ofSeconds(60), List.of(), true);
        store.save(longest, "analytics");
        assertThat(store.forCamera(camera).minDuration()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void everyScheduleRowHasADay() {
        refused(new AnalyticsSettings(camera, true, List.of(), Duration.ZERO,
                List.of(new ArmingWindow(Set.of(), LocalTime.of(8, 0), LocalTime.of(18, 0))), true),
                "at least one day");
    }

    @Test
    void atMostSixteenZones() {
        List<Zone> zones = new ArrayList<>();
        IntStream.rangeClosed(1, 17).forEach(i -> zones.add(zone("Zone " + i)));
        refused(withZones(zones), "at most 16 zones");
        store.save(withZones(zones.subList(0, 16)), "analytics");
        assertThat(store.forCamera(camera).zones()).hasSize(16);
    }

    @Test
    void refusedSettingsLeaveTheSavedOnesAlone() {
        var saved = withZones(List.of(zone("Gate")));
        store.save(saved, "analytics");

        refused(withZones(List.of(zone("Gate"), zone("Gate"))), "Two zones");

        assertThat(store.forCamera(camera)).isEqualTo(saved);
    }

    private AnalyticsSettings withZones(List<Zone> zones) {
        return new AnalyticsSettings(camera, true, zones, Duration.ofSeconds(1), List.of(), true);
    }

    private static Zone zone(String name) {
        return new Zone(name, Zone.Kind.DETECT, TRIANGLE, 50, 1);
    }

    private void refused(AnalyticsSettings settings, String why) {
        assertThatThrownBy(() -> store.save(settings, "analytics"))
                .isInstanceOf(AnalyticsProblem.class)
                .hasMessageContaining(why)
                .satisfies(problem -> assertThat(((AnalyticsProblem) problem).getStatusCode().value()).isEqualTo(400));
    }
}

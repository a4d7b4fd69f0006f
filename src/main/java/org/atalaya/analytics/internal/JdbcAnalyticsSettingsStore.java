package org.atalaya.analytics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analytics_settings table: one row per configured camera, its zones and schedule kept as JSON in the shape the
 * API uses. Saving checks every rule and refuses what breaks one with a sentence that says which and why.
 */
@Repository
class JdbcAnalyticsSettingsStore implements AnalyticsSettingsStore {

    static final int MOST_ZONES = 16;
    static final int LONGEST_ZONE_NAME = 40;
    static final int FEWEST_POINTS = 3;
    static final int MOST_POINTS = 32;
    static final int MOST_SCHEDULE_WINDOWS = 16;
    static final Duration LONGEST_MIN_DURATION = Duration.ofSeconds(60);
    static final double SMALLEST_MIN_AREA_PERCENT = 0.1;

    private static final TypeReference<List<AnalyticsSettingsJson.ZoneJson>> ZONES = new TypeReference<>() {
    };
    private static final TypeReference<List<AnalyticsSettingsJson.WindowJson>> SCHEDULE = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    JdbcAnalyticsSettingsStore(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public AnalyticsSettings forCamera(long cameraId) {
        return jdbc.sql("""
                        SELECT camera_id, motion_enabled, min_duration_ms, tamper_enabled, zones::text AS zones,
                               schedule::text AS schedule
                        FROM analytics_settings WHERE camera_id = ?""")
                .param(cameraId).query(this::settings).optional()
                .orElseGet(() -> AnalyticsSettings.defaults(cameraId));
    }

    /**
     * Keeps the camera's settings, replacing any saved before.
     *
     * @throws AnalyticsProblem (400) when a rule is broken, saying which
     */
    void save(AnalyticsSettings settings, String username) {
        validate(settings);
        jdbc.sql("""
                        INSERT INTO analytics_settings (camera_id, motion_enabled, min_duration_ms, tamper_enabled, zones,
                                                        schedule, updated_at, updated_by)
                        VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)
                        ON CONFLICT (camera_id) DO UPDATE SET motion_enabled = excluded.motion_enabled,
                            min_duration_ms = excluded.min_duration_ms, tamper_enabled = excluded.tamper_enabled,
                            zones = excluded.zones, schedule = excluded.schedule, updated_at = excluded.updated_at,
                            updated_by = excluded.updated_by""")
                .params(settings.cameraId(), settings.motionEnabled(), (int) settings.minDuration().toMillis(),
                        settings.tamperEnabled(),
                        json.writeValueAsString(AnalyticsSettingsJson.zones(settings.zones())),
                        json.writeValueAsString(AnalyticsSettingsJson.schedule(settings.schedule())),
                        Timestamp.from(clock.instant()), username)
                .update();
    }

    static void validate(AnalyticsSettings settings) {
        Duration minDuration = settings.minDuration();
        if (minDuration.isNegative() || minDuration.compareTo(LONGEST_MIN_DURATION) > 0) {
            throw AnalyticsProblem.invalid("min-duration", "The minimum duration of motion must be from 0 to "
                    + LONGEST_MIN_DURATION.toSeconds() + " seconds.", LONGEST_MIN_DURATION.toSeconds());
        }
        if (settings.zones().size() > MOST_ZONES) {
            throw AnalyticsProblem.invalid("too-many-zones", "A camera can have at most " + MOST_ZONES + " zones.",
                    MOST_ZONES);
        }
        Set<String> names = new HashSet<>();
        for (Zone zone : settings.zones()) {
            validate(zone);
            if (!names.add(zone.name().toLowerCase(Locale.ROOT))) {
                throw AnalyticsProblem.invalid("zone-name-taken", "Two zones are named “" + zone.name()
                        + "”: give each zone its own name.", zone.name());
            }
        }
        if (settings.schedule().size() > MOST_SCHEDULE_WINDOWS) {
            throw AnalyticsProblem.invalid("too-many-windows",
                    "The schedule can have at most " + MOST_SCHEDULE_WINDOWS + " rows.", MOST_SCHEDULE_WINDOWS);
        }
        for (ArmingWindow window : settings.schedule()) {
            if (window.days().isEmpty()) {
                throw AnalyticsProblem.invalid("window-days", "Every schedule row needs at least one day.");
            }
        }
    }

    private static void validate(Zone zone) {
        String name = zone.name();
        if (name == null || name.isBlank() || name.length() > LONGEST_ZONE_NAME) {
            throw AnalyticsProblem.invalid("zone-name",
                    "A zone name must be 1 to " + LONGEST_ZONE_NAME + " characters long.", LONGEST_ZONE_NAME);
        }
        int points = zone.polygon().size();
        if (points < FEWEST_POINTS || points > MOST_POINTS) {
            throw AnalyticsProblem.invalid("zone-points", "Zone “" + name + "” must have " + FEWEST_POINTS + " to "
                    + MOST_POINTS + " points, not " + points + ".", name, FEWEST_POINTS, MOST_POINTS, points);
        }
        for (Zone.Point point : zone.polygon()) {
            if (!(point.x() >= 0 && point.x() <= 1 && point.y() >= 0 && point.y() <= 1)) {
                throw AnalyticsProblem.invalid("zone-outside",
                        "Zone “" + name + "” has a point outside the picture: coordinates go from 0 to 1.", name);
            }
        }
        if (zone.sensitivity() < 1 || zone.sensitivity() > 100) {
            throw AnalyticsProblem.invalid("zone-sensitivity",
                    "Zone “" + name + "”: the sensitivity must be from 1 to 100.", name);
        }
        if (!(zone.minAreaPercent() >= SMALLEST_MIN_AREA_PERCENT && zone.minAreaPercent() <= 100)) {
            throw AnalyticsProblem.invalid("zone-min-area", "Zone “" + name + "”: the minimum area must be from "
                    + SMALLEST_MIN_AREA_PERCENT + " to 100 percent.", name, SMALLEST_MIN_AREA_PERCENT);
        }
    }

    private AnalyticsSettings settings(ResultSet row, int number) throws SQLException {
        return new AnalyticsSettings(row.getLong("camera_id"), row.getBoolean("motion_enabled"),
                AnalyticsSettingsJson.readZones(json.readValue(row.getString("zones"), ZONES)),
                Duration.ofMillis(row.getInt("min_duration_ms")),
                AnalyticsSettingsJson.readSchedule(json.readValue(row.getString("schedule"), SCHEDULE)),
                row.getBoolean("tamper_enabled"));
    }
}

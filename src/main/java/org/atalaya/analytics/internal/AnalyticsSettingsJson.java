package org.atalaya.analytics.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A camera's analytics settings as the API and the database hold them: plain names, numbers and lists that a person
 * can read and write. Reading one back into {@link AnalyticsSettings} refuses, in words, what cannot be understood;
 * the rules on values (ranges, limits) are the store's.
 *
 * @param analysed whether the camera's stream is analysed at all (only in answers; null leaves it out)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AnalyticsSettingsJson(Long cameraId, Boolean analysed, Boolean motionEnabled, Double minDurationSeconds,
                             List<ZoneJson> zones, List<WindowJson> schedule, Boolean tamperEnabled) {

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    /** @param kind "detect" or "exclude"; @param polygon points as [x, y] pairs from 0 to 1 */
    record ZoneJson(String name, String kind, Integer sensitivity, Double minAreaPercent,
                    List<List<Double>> polygon) {
    }

    /** @param days day names such as "MONDAY"; @param from and to as "HH:mm" */
    record WindowJson(List<String> days, String from, String to) {
    }

    static AnalyticsSettingsJson of(AnalyticsSettings settings, Boolean analysed) {
        return new AnalyticsSettingsJson(settings.cameraId(), analysed, settings.motionEnabled(),
                settings.minDuration().toMillis() / 1000.0, zones(settings.zones()), schedule(settings.schedule()),
                settings.tamperEnabled());
    }

    static List<ZoneJson> zones(List<Zone> zones) {
        return zones.stream().map(zone -> new ZoneJson(zone.name(), zone.kind().name().toLowerCase(Locale.ROOT),
                zone.sensitivity(), zone.minAreaPercent(),
                zone.polygon().stream().map(point -> List.of(point.x(), point.y())).toList())).toList();
    }

    static List<WindowJson> schedule(List<ArmingWindow> schedule) {
        return schedule.stream().map(window -> new WindowJson(
                window.days().stream().sorted().map(DayOfWeek::name).toList(),
                HOURS_MINUTES.format(window.from()), HOURS_MINUTES.format(window.to()))).toList();
    }

    /** The settings these describe for the camera; anything missing or unreadable is refused in words. */
    AnalyticsSettings toSettings(long camera) {
        if (motionEnabled == null) throw AnalyticsProblem.invalid("motion-enabled", "Say whether motion detection is on (motionEnabled).");
        if (tamperEnabled == null) throw AnalyticsProblem.invalid("tamper-enabled", "Say whether tamper detection is on (tamperEnabled).");
        if (minDurationSeconds == null || !Double.isFinite(minDurationSeconds)) {
            throw AnalyticsProblem.invalid("min-duration-missing",
                    "Give the minimum duration of motion in seconds (minDurationSeconds).");
        }
        Duration minDuration = Duration.ofMillis(Math.round(minDurationSeconds * 1000));
        return new AnalyticsSettings(camera, motionEnabled, readZones(zones), minDuration, readSchedule(schedule),
                tamperEnabled);
    }

    static List<Zone> readZones(List<ZoneJson> zones) {
        if (zones == null) return List.of();
        List<Zone> read = new ArrayList<>();
        for (ZoneJson zone : zones) {
            if (zone == null) throw AnalyticsProblem.invalid("zone-empty", "A zone is empty.");
            String name = zone.name() == null ? "" : zone.name().strip();
            if (zone.sensitivity() == null) {
                throw AnalyticsProblem.invalid("zone-sensitivity-missing", "Zone “" + name + "” needs a sensitivity.",
                        name);
            }
            if (zone.minAreaPercent() == null) {
                throw AnalyticsProblem.invalid("zone-min-area-missing", "Zone “" + name + "” needs a minimum area.",
                        name);
            }
            read.add(new Zone(name, kind(zone.kind(), name), polygon(zone.polygon(), name), zone.sensitivity(),
                    zone.minAreaPercent()));
        }
        return read;
    }

    private static Zone.Kind kind(String kind, String name) {
        if ("detect".equalsIgnoreCase(kind)) return Zone.Kind.DETECT;
        if ("exclude".equalsIgnoreCase(kind)) return Zone.Kind.EXCLUDE;
        throw AnalyticsProblem.invalid("zone-kind", "Zone “" + name + "” must be of kind “detect” or “exclude”.", name);
    }

    private static List<Zone.Point> polygon(List<List<Double>> points, String name) {
        if (points == null) {
            throw AnalyticsProblem.invalid("zone-outline-missing", "Zone “" + name + "” has no outline.", name);
        }
        List<Zone.Point> polygon = new ArrayList<>();
        for (List<Double> point : points) {
            if (point == null || point.size() != 2 || point.get(0) == null || point.get(1) == null) {
                throw AnalyticsProblem.invalid("zone-point",
                        "Zone “" + name + "” has a point that is not an [x, y] pair.", name);
            }
            polygon.add(new Zone.Point(point.get(0), point.get(1)));
        }
        return polygon;
    }

    static List<ArmingWindow> readSchedule(List<WindowJson> schedule) {
        if (schedule == null) return List.of();
        List<ArmingWindow> read = new ArrayList<>();
        for (WindowJson window : schedule) {
            if (window == null) throw AnalyticsProblem.invalid("window-empty", "A schedule row is empty.");
            read.add(new ArmingWindow(days(window.days()), time(window.from()), time(window.to())));
        }
        return read;
    }

    private static Set<DayOfWeek> days(Collection<String> names) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (names == null) return days;
        for (String name : names) {
            try {
                days.add(DayOfWeek.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw AnalyticsProblem.invalid("window-day",
                        "“" + name + "” is not a day of the week (MONDAY to SUNDAY).", String.valueOf(name));
            }
        }
        return days;
    }

    private static LocalTime time(String text) {
        if (text == null || text.isBlank()) {
            throw AnalyticsProblem.invalid("window-time-missing", "Every schedule row needs a start and an end time.");
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw AnalyticsProblem.invalid("window-time", "“" + text + "” is not a time of day such as 08:00.", text);
        }
    }
}

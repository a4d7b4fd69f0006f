package org.atalaya.dispatch;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Dispatch: how travel times are estimated, how many units are recommended, and the demo fleet.
 *
 * @param speeds               average speed in km/h per unit type for the straight-line estimate of travel time
 *                             (e.g. {@code atalaya.dispatch.speeds.ambulance=45}); types not listed take
 *                             {@code default-speed}
 * @param defaultSpeed         km/h for a unit type without its own speed (default 40)
 * @param detourFactor         how much longer the road is than the straight line (default 1.3)
 * @param recommendations      how many units a recommendation lists (default 5)
 * @param positionMaxAge       a unit position older than this is taken as unknown: the unit is listed after the
 *                             others, marked "position stale" (default 10 min)
 * @param streamLength         how long one dispatcher-board event stream stays open before the browser reconnects
 *                             (default 5 min)
 * @param streamPositionPeriod unit positions go to the board at most once per this period per unit, the newest one
 *                             (default 1 s)
 * @param demoFleetInterval    how often each demo unit reports its position (default 4 s; only with
 *                             {@code atalaya.demo.enabled})
 */
@ConfigurationProperties("atalaya.dispatch")
public record DispatchProperties(Map<String, Double> speeds, Double defaultSpeed, Double detourFactor,
                                 Integer recommendations, Duration positionMaxAge, Duration streamLength,
                                 Duration streamPositionPeriod, Duration demoFleetInterval) {

    private static final Map<String, Double> STANDARD_SPEEDS = Map.of(
            "patrol", 45.0, "motorcycle", 50.0, "ambulance", 45.0, "engine", 35.0, "ladder", 30.0,
            "rescue", 40.0, "hazmat", 30.0, "civil-defence", 35.0);

    public DispatchProperties {
        var merged = new java.util.HashMap<>(STANDARD_SPEEDS);
        if (speeds != null) merged.putAll(speeds);
        merged.forEach((type, speed) -> {
            if (speed == null || !(speed > 0)) {
                throw new IllegalArgumentException("atalaya.dispatch.speeds." + type + " must be above 0 km/h");
            }
        });
        speeds = Map.copyOf(merged);
        defaultSpeed = positive("default-speed", defaultSpeed, 40.0);
        detourFactor = detourFactor == null ? 1.3 : detourFactor;
        if (detourFactor < 1) throw new IllegalArgumentException("atalaya.dispatch.detour-factor must be 1 or more");
        recommendations = recommendations == null ? 5 : recommendations;
        if (recommendations < 1) throw new IllegalArgumentException("atalaya.dispatch.recommendations must be 1 or more");
        positionMaxAge = orDefault(positionMaxAge, Duration.ofMinutes(10));
        streamLength = orDefault(streamLength, Duration.ofMinutes(5));
        streamPositionPeriod = orDefault(streamPositionPeriod, Duration.ofSeconds(1));
        demoFleetInterval = orDefault(demoFleetInterval, Duration.ofSeconds(4));
    }

    /** The average speed of a unit type, km/h. */
    public double speedOf(String unitType) {
        return speeds.getOrDefault(unitType, defaultSpeed);
    }

    private static double positive(String key, Double value, double fallback) {
        if (value == null) return fallback;
        if (!(value > 0)) throw new IllegalArgumentException("atalaya.dispatch." + key + " must be above 0");
        return value;
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }
}

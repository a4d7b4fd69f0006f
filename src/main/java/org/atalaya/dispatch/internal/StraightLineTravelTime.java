package org.atalaya.dispatch.internal;

import java.time.Duration;
import org.atalaya.dispatch.DispatchProperties;
import org.atalaya.dispatch.TravelTimeEstimator;
import org.atalaya.dispatch.UnitView;
import org.springframework.stereotype.Component;

/** The standard estimate: the straight line lengthened by the detour factor, at the unit type's average speed. */
@Component
class StraightLineTravelTime implements TravelTimeEstimator {

    private final DispatchProperties properties;

    StraightLineTravelTime(DispatchProperties properties) {
        this.properties = properties;
    }

    @Override
    public Duration estimate(UnitView unit, double fromLatitude, double fromLongitude, double toLatitude,
                             double toLongitude) {
        double roadMetres = GreatCircle.metres(fromLatitude, fromLongitude, toLatitude, toLongitude)
                * properties.detourFactor();
        double metresPerSecond = properties.speedOf(unit.unitType()) / 3.6;
        return Duration.ofMillis(Math.round(roadMetres / metresPerSecond * 1000));
    }
}

package org.atalaya.dispatch;

import java.time.Duration;

/**
 * How long a unit would take to drive from where it is to an incident. The standard estimate is the great-circle
 * distance times a detour factor at the unit type's average speed; a road-network router can take its place as a
 * {@code @Primary} bean.
 */
public interface TravelTimeEstimator {

    Duration estimate(UnitView unit, double fromLatitude, double fromLongitude, double toLatitude, double toLongitude);
}

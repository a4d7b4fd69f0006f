package org.atalaya.analytics.internal;

import java.util.List;

/**
 * A polygon drawn on the camera's picture.
 *
 * @param polygon        at least three points, coordinates from 0 to 1
 * @param sensitivity    1 (only strong changes count) to 100 (faint ones too); the per-pixel change threshold
 * @param minAreaPercent the share of the zone, 0 to 100, that must move for motion to count
 */
record Zone(String name, Kind kind, List<Point> polygon, int sensitivity, double minAreaPercent) {

    enum Kind { DETECT, EXCLUDE }

    record Point(double x, double y) {
    }

    Zone {
        polygon = List.copyOf(polygon);
    }
}

package org.atalaya.analytics.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A camera's zones rasterised onto the motion grid of one frame size: each detect zone as the list of 2x2 pixel
 * blocks whose centre lies inside it and inside no exclude zone. Built once per zones and frame size.
 */
final class ZoneMask {

    /** The name of the one zone that covers the whole picture when no detect zone is drawn. */
    static final String WHOLE_PICTURE = "all";
    static final int WHOLE_PICTURE_SENSITIVITY = 50;
    static final double WHOLE_PICTURE_MIN_AREA_PERCENT = 1.0;

    private static final int STRONGEST_THRESHOLD = 60;
    private static final int FAINTEST_THRESHOLD = 6;

    /**
     * One detect zone on the grid.
     *
     * @param threshold the luma difference (0 to 255) above which a block counts as changed
     * @param blocks    the indexes of its blocks in the grid, row by row
     */
    record MaskedZone(String name, int threshold, double minAreaPercent, int[] blocks) {
    }

    private final List<Zone> zones;
    private final int width;
    private final int height;
    private final List<MaskedZone> detectZones;

    private ZoneMask(List<Zone> zones, int width, int height, List<MaskedZone> detectZones) {
        this.zones = zones;
        this.width = width;
        this.height = height;
        this.detectZones = detectZones;
    }

    static ZoneMask of(List<Zone> zones, int width, int height) {
        int across = blocksAcross(width);
        int down = blocksDown(height);
        List<Zone> excluded = zones.stream().filter(zone -> zone.kind() == Zone.Kind.EXCLUDE).toList();
        List<Zone> detect = zones.stream().filter(zone -> zone.kind() == Zone.Kind.DETECT).toList();
        List<MaskedZone> masked = new ArrayList<>();
        if (detect.isEmpty()) {
            masked.add(new MaskedZone(WHOLE_PICTURE, thresholdFor(WHOLE_PICTURE_SENSITIVITY),
                    WHOLE_PICTURE_MIN_AREA_PERCENT, blocksInside(null, excluded, width, height, across, down)));
        } else {
            for (Zone zone : detect) {
                masked.add(new MaskedZone(zone.name(), thresholdFor(zone.sensitivity()), zone.minAreaPercent(),
                        blocksInside(zone, excluded, width, height, across, down)));
            }
        }
        return new ZoneMask(zones, width, height, List.copyOf(masked));
    }

    /** Whether this mask was built for these zones and this frame size. */
    boolean fits(List<Zone> zones, int width, int height) {
        return this.width == width && this.height == height && this.zones.equals(zones);
    }

    List<MaskedZone> detectZones() {
        return detectZones;
    }

    static int blocksAcross(int width) {
        return width / 2;
    }

    static int blocksDown(int height) {
        return height / 2;
    }

    /** Sensitivity 1 (only strong changes count) to 100 (faint ones too) as a luma difference from 60 down to 6. */
    static int thresholdFor(int sensitivity) {
        int clamped = Math.clamp(sensitivity, 1, 100);
        return STRONGEST_THRESHOLD
                - (int) Math.round((clamped - 1) * (STRONGEST_THRESHOLD - FAINTEST_THRESHOLD) / 99.0);
    }

    private static int[] blocksInside(Zone zone, List<Zone> excluded, int width, int height, int across, int down) {
        int[] inside = new int[across * down];
        int count = 0;
        for (int by = 0; by < down; by++) {
            double y = (by * 2 + 1.0) / height;
            for (int bx = 0; bx < across; bx++) {
                double x = (bx * 2 + 1.0) / width;
                if (zone != null && !contains(zone.polygon(), x, y)) continue;
                if (excluded.stream().anyMatch(exclude -> contains(exclude.polygon(), x, y))) continue;
                inside[count++] = by * across + bx;
            }
        }
        return Arrays.copyOf(inside, count);
    }

    /** Even-odd rule: a point is inside when a ray from it crosses the polygon's edges an odd number of times. */
    static boolean contains(List<Zone.Point> polygon, double x, double y) {
        boolean inside = false;
        for (int i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
            Zone.Point a = polygon.get(i);
            Zone.Point b = polygon.get(j);
            if ((a.y() > y) != (b.y() > y) && x < (b.x() - a.x()) * (y - a.y()) / (b.y() - a.y()) + a.x()) {
                inside = !inside;
            }
        }
        return inside;
    }
}

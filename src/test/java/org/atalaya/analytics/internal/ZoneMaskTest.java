package org.atalaya.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneMaskTest {

    private static final List<Zone.Point> LEFT_HALF = List.of(new Zone.Point(0, 0), new Zone.Point(0.5, 0),
            new Zone.Point(0.5, 1), new Zone.Point(0, 1));
    private static final List<Zone.Point> TOP_LEFT_TRIANGLE = List.of(new Zone.Point(0, 0), new Zone.Point(1, 0),
            new Zone.Point(0, 1));

    @Test
    void withoutADetectZoneTheWholePictureIsOneZoneWithTheDefaultSensitivity() {
        ZoneMask mask = ZoneMask.of(List.of(), 320, 180);

        assertThat(mask.detectZones()).singleElement().satisfies(zone -> {
            assertThat(zone.name()).isEqualTo("all");
            assertThat(zone.blocks()).hasSize(160 * 90);
            assertThat(zone.threshold()).isEqualTo(ZoneMask.thresholdFor(50));
            assertThat(zone.minAreaPercent()).isEqualTo(1.0);
        });
    }

    @Test
    void anExcludeZoneIsCutOutOfEveryDetectZone() {
        ZoneMask whole = ZoneMask.of(List.of(new Zone("trees", Zone.Kind.EXCLUDE, LEFT_HALF, 50, 1)), 320, 180);
        ZoneMask triangle = ZoneMask.of(List.of(new Zone("lot", Zone.Kind.DETECT, TOP_LEFT_TRIANGLE, 50, 1),
                new Zone("trees", Zone.Kind.EXCLUDE, LEFT_HALF, 50, 1)), 320, 180);

        int[] blocks = whole.detectZones().getFirst().blocks();
        assertThat(blocks).hasSize(80 * 90);
        assertThat(Arrays.stream(blocks).map(block -> block % 160).min()).hasValue(80);
        // the triangle's right part: a quarter of its area (an eighth of the picture) lies right of the middle
        assertThat(triangle.detectZones().getFirst().blocks().length).isCloseTo(160 * 90 / 8, withinPercentage(3));
    }

    @Test
    void aPolygonContainsThePointsInsideItAndNotThoseOutside() {
        assertThat(ZoneMask.contains(TOP_LEFT_TRIANGLE, 0.2, 0.2)).isTrue();
        assertThat(ZoneMask.contains(TOP_LEFT_TRIANGLE, 0.6, 0.6)).isFalse();
        assertThat(ZoneMask.contains(TOP_LEFT_TRIANGLE, 1.2, 0.1)).isFalse();
    }

    @Test
    void sensitivityRunsFromStrongChangesOnlyToFaintOnes() {
        assertThat(ZoneMask.thresholdFor(1)).isEqualTo(60);
        assertThat(ZoneMask.thresholdFor(100)).isEqualTo(6);
        assertThat(ZoneMask.thresholdFor(50)).isBetween(32, 34);
    }

    @Test
    void aMaskFitsOnlyTheZonesAndTheSizeItWasBuiltFor() {
        List<Zone> zones = List.of(new Zone("lot", Zone.Kind.DETECT, TOP_LEFT_TRIANGLE, 50, 1));
        ZoneMask mask = ZoneMask.of(zones, 320, 180);

        assertThat(mask.fits(List.copyOf(zones), 320, 180)).isTrue();
        assertThat(mask.fits(zones, 640, 360)).isFalse();
        assertThat(mask.fits(List.of(new Zone("lot", Zone.Kind.DETECT, TOP_LEFT_TRIANGLE, 51, 1)), 320, 180))
                .isFalse();
    }
}

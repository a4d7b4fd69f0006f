package org.atalaya.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.atalaya.dispatch.AgencyKind;
import org.atalaya.dispatch.DispatchProperties;
import org.atalaya.dispatch.UnitStatus;
import org.atalaya.dispatch.UnitView;
import org.junit.jupiter.api.Test;

/** The standard travel-time estimate: great-circle distance, detour factor, the unit type's speed. */
class StraightLineTravelTimeTest {

    private static final DispatchProperties STANDARD = new DispatchProperties(null, null, null, null, null, null,
            null, null);

    @Test
    void greatCircleDistancesAreRight() {
        // a degree of latitude on the mean earth sphere
        assertThat(GreatCircle.metres(-24, -65, -23, -65)).isCloseTo(111_195, offset(1.0));
        // a degree of longitude on the equator is the same; at 60 degrees it is half
        assertThat(GreatCircle.metres(0, 10, 0, 11)).isCloseTo(111_195, offset(1.0));
        assertThat(GreatCircle.metres(60, 10, 60, 11)).isCloseTo(55_597, offset(50.0));
        assertThat(GreatCircle.metres(-24.186, -65.299, -24.186, -65.299)).isZero();
    }

    @Test
    void theEstimateIsTheStraightLineLengthenedByTheDetourAtTheTypesSpeed() {
        StraightLineTravelTime estimator = new StraightLineTravelTime(STANDARD);
        double oneKilometreNorth = 1000 / 111_195.0;

        // 1 km x 1.3 at 45 km/h = 104 s; at 35 km/h (engine) = 133.7 s; 40 km/h for a type without its own = 117 s
        assertThat(estimator.estimate(unit("patrol"), 0, 0, oneKilometreNorth, 0).toMillis())
                .isCloseTo(104_000, offset(100L));
        assertThat(estimator.estimate(unit("engine"), 0, 0, oneKilometreNorth, 0).toMillis())
                .isCloseTo(133_714, offset(100L));
        assertThat(estimator.estimate(unit("drone"), 0, 0, oneKilometreNorth, 0).toMillis())
                .isCloseTo(117_000, offset(100L));
        assertThat(estimator.estimate(unit("patrol"), 1, 1, 1, 1)).isEqualTo(Duration.ZERO);
    }

    @Test
    void configuredSpeedsAndDetourReplaceTheStandardOnes() {
        var properties = new DispatchProperties(Map.of("patrol", 60.0), 20.0, 1.0, null, null, null, null, null);
        StraightLineTravelTime estimator = new StraightLineTravelTime(properties);
        double oneKilometreNorth = 1000 / 111_195.0;

        assertThat(estimator.estimate(unit("patrol"), 0, 0, oneKilometreNorth, 0).toMillis())
                .isCloseTo(60_000, offset(100L));
        assertThat(estimator.estimate(unit("drone"), 0, 0, oneKilometreNorth, 0).toMillis())
                .isCloseTo(180_000, offset(100L));
        assertThat(properties.speedOf("ambulance")).isEqualTo(45.0);
    }

    @Test
    void impossibleSettingsAreRefused() {
        assertThatThrownBy(() -> new DispatchProperties(Map.of("patrol", 0.0), null, null, null, null, null, null,
                null)).hasMessageContaining("atalaya.dispatch.speeds.patrol");
        assertThatThrownBy(() -> new DispatchProperties(null, null, 0.8, null, null, null, null, null))
                .hasMessageContaining("detour-factor");
    }

    private static UnitView unit(String type) {
        return new UnitView(1, "X-1", "Agency", AgencyKind.POLICE, type, Set.of(), List.of(), UnitStatus.AVAILABLE,
                null);
    }
}

package org.atalaya.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.atalaya.dispatch.AgencyKind;
import org.atalaya.dispatch.UnitStatus;
import org.atalaya.dispatch.UnitView;
import org.atalaya.dispatch.internal.UnitRecommender.Recommendation;
import org.atalaya.incident.IncidentView;
import org.atalaya.incident.Incidents;
import org.atalaya.test.AtalayaTest;
import org.atalaya.tracking.UnitPositions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The recommendation ranks available units of a suitable type by estimated travel time (not distance), leaves out
 * busy and unsuitable ones, and lists units whose position is unknown or stale after the ranked ones.
 */
@AtalayaTest
class UnitRecommenderTest {

    /** Large enough that other tests' units never crowd this test's own out of the list. */
    private static final int EVERY_UNIT = 100_000;

    @Autowired
    Fleet fleet;
    @Autowired
    Incidents incidents;
    @Autowired
    UnitPositions positions;
    @Autowired
    UnitRecommender recommender;
    @Autowired
    DispatchService dispatch;
    @Autowired
    Clock clock;

    private DispatchFixtures fixtures;
    private long police;
    private long fire;

    @BeforeEach
    void agencies() {
        fixtures = new DispatchFixtures(fleet, incidents, positions);
        police = fixtures.agency(AgencyKind.POLICE);
        fire = fixtures.agency(AgencyKind.FIRE);
    }

    @Test
    void theFirstToArriveRanksFirstEvenWhenItIsFartherAway() {
        double[] scene = DispatchFixtures.somewhere();
        Instant now = clock.instant();
        UnitView patrol = fixtures.unit(police, "patrol");
        UnitView engine = fixtures.unit(fire, "engine");
        fixtures.place(patrol, DispatchFixtures.north(scene, 2000)[0], scene[1], now);
        fixtures.place(engine, DispatchFixtures.north(scene, 1700)[0], scene[1], now);

        List<Recommendation> ranked = mine(recommender.rank(scene[0], scene[1], Set.of("patrol", "engine"),
                EVERY_UNIT, now), patrol, engine);

        assertThat(ranked).extracting(Recommendation::callSign).containsExactly(patrol.callSign(), engine.callSign());
        Recommendation first = ranked.getFirst();
        assertThat(first.distanceMetres()).isCloseTo(2000, org.assertj.core.data.Offset.offset(5.0));
        // 2 km x 1.3 at 45 km/h
        assertThat(first.eta()).isBetween(Duration.ofSeconds(207), Duration.ofSeconds(209));
        // 1.7 km x 1.3 at 35 km/h
        assertThat(ranked.get(1).eta()).isBetween(Duration.ofSeconds(226), Duration.ofSeconds(228));
        assertThat(ranked).noneMatch(Recommendation::stale);
    }

    @Test
    void unsuitableTypesAndBusyUnitsAreLeftOut() {
        double[] scene = DispatchFixtures.somewhere();
        Instant now = clock.instant();
        UnitView ambulance = fixtures.unit(fixtures.agency(AgencyKind.EMS), "ambulance");
        UnitView patrol = fixtures.unit(police, "patrol");
        UnitView busy = fixtures.unit(police, "patrol");
        UnitView outOfService = fixtures.unit(police, "patrol");
        for (UnitView unit : List.of(ambulance, patrol, busy, outOfService)) {
            fixtures.place(unit, DispatchFixtures.north(scene, 500)[0], scene[1], now);
        }
        IncidentView elsewhere = fixtures.incident("BURGLARY", scene[0], scene[1]);
        dispatch.assign(elsewhere.id(), List.of(busy.id()), DispatchFixtures.ACTOR);
        dispatch.changeStatus(outOfService.id(), UnitStatus.OUT_OF_SERVICE, DispatchFixtures.ACTOR);

        List<Recommendation> ranked = mine(recommender.rank(scene[0], scene[1], Set.of("patrol"), EVERY_UNIT, now),
                ambulance, patrol, busy, outOfService);

        assertThat(ranked).extracting(Recommendation::callSign).containsExactly(patrol.callSign());
    }

    @Test
    void unitsWhosePositionIsStaleOrUnknownComeAfterTheRankedOnes() {
        double[] scene = DispatchFixtures.somewhere();
        Instant now = clock.instant();
        UnitView stale = fixtures.unit(police, "patrol");
        UnitView unknown = fixtures.unit(police, "patrol");
        UnitView far = fixtures.unit(police, "patrol");
        fixtures.place(stale, DispatchFixtures.north(scene, 100)[0], scene[1], now.minus(Duration.ofMinutes(20)));
        fixtures.place(far, DispatchFixtures.north(scene, 9000)[0], scene[1], now);

        List<Recommendation> ranked = mine(recommender.rank(scene[0], scene[1], Set.of(), EVERY_UNIT, now),
                stale, unknown, far);

        assertThat(ranked).extracting(Recommendation::callSign)
                .containsExactly(far.callSign(), stale.callSign(), unknown.callSign());
        assertThat(ranked).extracting(Recommendation::stale).containsExactly(false, true, true);
        assertThat(ranked.get(1).eta()).isNull();
        assertThat(ranked.get(2).distanceMetres()).isNull();
    }

    @Test
    void theRecommendationOfAnIncidentTakesItsTypesSuitableUnits() {
        double[] scene = DispatchFixtures.somewhere();
        Instant now = clock.instant();
        UnitView ambulance = fixtures.unit(fixtures.agency(AgencyKind.EMS), "ambulance");
        UnitView patrol = fixtures.unit(police, "patrol");
        fixtures.place(ambulance, DispatchFixtures.north(scene, 800)[0], scene[1], now);
        fixtures.place(patrol, DispatchFixtures.north(scene, 300)[0], scene[1], now);
        IncidentView cardiacArrest = fixtures.incident("CARDIAC_ARREST", scene[0], scene[1]);

        List<Recommendation> recommended = recommender.recommend(cardiacArrest);

        assertThat(recommended).extracting(Recommendation::callSign).contains(ambulance.callSign())
                .doesNotContain(patrol.callSign());
        assertThat(recommended).allMatch(unit -> unit.unitType().equals("ambulance"));
    }

    /** The recommendations of this test's own units, in the order they were ranked. */
    private static List<Recommendation> mine(List<Recommendation> ranked, UnitView... units) {
        Set<Long> ids = java.util.Arrays.stream(units).map(UnitView::id).collect(java.util.stream.Collectors.toSet());
        return ranked.stream().filter(unit -> ids.contains(unit.unitId())).toList();
    }
}

package org.atalaya.dispatch.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.atalaya.dispatch.DispatchProperties;
import org.atalaya.dispatch.TravelTimeEstimator;
import org.atalaya.dispatch.UnitStatus;
import org.atalaya.incident.IncidentTypes;
import org.atalaya.incident.IncidentView;
import org.atalaya.tracking.UnitPosition;
import org.atalaya.tracking.UnitPositions;
import org.springframework.stereotype.Component;

/**
 * Which available units would reach an incident first: those of a type suited to the incident, ranked by estimated
 * travel time from their latest position. A unit whose position is unknown or older than the configured age is listed
 * after the ranked ones, marked stale. One pass over the units held in memory with a bounded heap: no database.
 */
@Component
public class UnitRecommender {

    /**
     * One recommended unit.
     *
     * @param distanceMetres straight-line distance from its latest position; null when it has none
     * @param eta            estimated travel time; null when its position is unknown
     * @param positionAt     when its latest position was taken; null when it has none
     * @param stale          whether its position is unknown or too old to rank it
     */
    public record Recommendation(long unitId, String callSign, String agency, String unitType, Double distanceMetres,
                                 @JsonIgnore Duration eta, Instant positionAt, boolean stale) {

        @JsonProperty("etaSeconds")
        public Long etaSeconds() {
            return eta == null ? null : eta.toSeconds();
        }
    }

    private static final Comparator<Recommendation> STALE_ORDER = Comparator
            .comparing(Recommendation::positionAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Recommendation::callSign);

    private final UnitDirectory directory;
    private final UnitPositions positions;
    private final IncidentTypes types;
    private final TravelTimeEstimator estimator;
    private final DispatchProperties properties;
    private final Clock clock;

    UnitRecommender(UnitDirectory directory, UnitPositions positions, IncidentTypes types,
                    TravelTimeEstimator estimator, DispatchProperties properties, Clock clock) {
        this.directory = directory;
        this.positions = positions;
        this.types = types;
        this.estimator = estimator;
        this.properties = properties;
        this.clock = clock;
    }

    /** The recommendation for an incident; empty when the incident has no point on the map. */
    public List<Recommendation> recommend(IncidentView incident) {
        if (!incident.hasPoint()) return List.of();
        Set<String> suitable = types.find(incident.typeCode()).map(type -> type.unitTypes()).orElse(Set.of());
        return rank(incident.latitude(), incident.longitude(), suitable, properties.recommendations(),
                clock.instant());
    }

    /**
     * The {@code limit} available units of a suitable type (empty set: any) nearest in travel time to the point, then
     * up to {@code limit} more whose position is unknown or older than the configured age at {@code now}.
     */
    public List<Recommendation> rank(double latitude, double longitude, Set<String> suitableTypes, int limit,
                                     Instant now) {
        Instant freshSince = now.minus(properties.positionMaxAge());
        // the slowest of the fastest so far on top, so that a faster one replaces it
        PriorityQueue<Candidate> fastest = new PriorityQueue<>(limit + 1, Candidate.FASTEST.reversed());
        PriorityQueue<Recommendation> stale = new PriorityQueue<>(limit + 1, STALE_ORDER.reversed());
        for (UnitRecord unit : directory.records()) {
            if (!unit.active() || unit.status() != UnitStatus.AVAILABLE) continue;
            if (!suitableTypes.isEmpty() && !suitableTypes.contains(unit.view().unitType())) continue;
            UnitPosition position = positions.latest(unit.id()).orElse(null);
            if (position == null || position.at().isBefore(freshSince)) {
                keep(stale, staleOne(unit, position, latitude, longitude), limit);
                continue;
            }
            Duration eta = estimator.estimate(unit.view(), position.latitude(), position.longitude(), latitude,
                    longitude);
            // most units are slower than the slowest kept: they cost a comparison, not a candidate in the heap
            if (limit > 0 && fastest.size() == limit && eta.compareTo(fastest.peek().eta()) > 0) continue;
            keep(fastest, new Candidate(unit, position, eta), limit);
        }
        List<Recommendation> ranked = new ArrayList<>(fastest.size() + stale.size());
        fastest.stream().sorted(Candidate.FASTEST).forEach(candidate -> ranked.add(new Recommendation(
                candidate.unit.id(), candidate.unit.callSign(), candidate.unit.view().agency(),
                candidate.unit.view().unitType(), GreatCircle.metres(candidate.position.latitude(),
                candidate.position.longitude(), latitude, longitude), candidate.eta, candidate.position.at(), false)));
        stale.stream().sorted(STALE_ORDER).forEach(ranked::add);
        return ranked;
    }

    /** A unit being ranked; its distance is worked out only for those kept. */
    private record Candidate(UnitRecord unit, UnitPosition position, Duration eta) {
        static final Comparator<Candidate> FASTEST = Comparator.comparing(Candidate::eta)
                .thenComparing(candidate -> candidate.unit().callSign());
    }

    private static Recommendation staleOne(UnitRecord unit, UnitPosition position, double latitude, double longitude) {
        Double metres = position == null ? null
                : GreatCircle.metres(position.latitude(), position.longitude(), latitude, longitude);
        return new Recommendation(unit.id(), unit.callSign(), unit.view().agency(), unit.view().unitType(), metres,
                null, position == null ? null : position.at(), true);
    }

    private static <T> void keep(PriorityQueue<T> heap, T candidate, int limit) {
        heap.add(candidate);
        if (heap.size() > limit) heap.poll();
    }
}

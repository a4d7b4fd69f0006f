package org.atalaya.tracking.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.tracking.UnitPosition;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Unit positions over the API: the latest of every unit, and one unit's track over a time range. A track shows
 * where a crew was: reading it is audited.
 */
@RestController
class TrackApiController {

    static final int MAX_TRACK_POSITIONS = 10_000;
    static final Duration DEFAULT_SPAN = Duration.ofHours(1);

    /** One position of a track; {@code source} is OSMAND (a device) or RESPONDER_PAGE. */
    record TrackPoint(Instant at, double latitude, double longitude, Double speedMps, Double headingDeg,
                      Double altitudeMetres, Double accuracyMetres, Double batteryPct, boolean valid, String source) {
    }

    /** @param truncated true when the range held more than the positions returned (the oldest are returned) */
    record Track(long unitId, Instant from, Instant to, List<TrackPoint> positions, boolean truncated) {
    }

    private final PositionStore store;
    private final LatestPositions latest;
    private final AuditLog audit;
    private final Clock clock;

    TrackApiController(PositionStore store, LatestPositions latest, AuditLog audit, Clock clock) {
        this.store = store;
        this.latest = latest;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/api/v1/units/positions")
    @RequiresPermission(Permission.DISPATCH_VIEW)
    List<UnitPosition> latestOfAll() {
        return latest.all().stream().sorted(Comparator.comparingLong(UnitPosition::unitId)).toList();
    }

    /** Positions with {@code from <= fix time < to}; by default the last hour. */
    @GetMapping("/api/v1/units/{id}/track")
    @RequiresPermission(Permission.DISPATCH_VIEW)
    Track track(@PathVariable long id,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(DEFAULT_SPAN) : from;
        if (!start.isBefore(end)) throw TrackingProblem.badRange("'from' (" + start + ") must be before 'to' (" + end + ").");
        List<PositionRow> rows = store.track(id, start, end, MAX_TRACK_POSITIONS + 1);
        boolean truncated = rows.size() > MAX_TRACK_POSITIONS;
        List<TrackPoint> points = rows.stream().limit(MAX_TRACK_POSITIONS)
                .map(row -> new TrackPoint(row.fixedAt(), row.latitude(), row.longitude(), row.speedMps(),
                        row.headingDeg(), row.altitudeMetres(), row.accuracyMetres(), row.batteryPct(), row.valid(),
                        row.source().name()))
                .toList();
        audit.record(AuditEvent.success("tracking.track.viewed", "unit:" + id)
                .with("from", start.toString()).with("to", end.toString())
                .with("positions", Integer.toString(points.size())));
        return new Track(id, start, end, points, truncated);
    }
}

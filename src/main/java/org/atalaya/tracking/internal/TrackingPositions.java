package org.atalaya.tracking.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.atalaya.tracking.UnitPosition;
import org.atalaya.tracking.UnitPositions;
import org.springframework.stereotype.Service;

/** The units' latest positions from memory, and positions reported through the responder's page. */
@Service
class TrackingPositions implements UnitPositions {

    /** How long a request waits for its batch to commit before it is answered that the position was not stored. */
    static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    private final LatestPositions latest;
    private final PositionWriter writer;
    private final OsmandDecoder checks;
    private final Clock clock;

    TrackingPositions(LatestPositions latest, PositionWriter writer, OsmandDecoder checks, Clock clock) {
        this.latest = latest;
        this.writer = writer;
        this.checks = checks;
        this.clock = clock;
    }

    @Override
    public Optional<UnitPosition> latest(long unitId) {
        return latest.of(unitId);
    }

    @Override
    public Collection<UnitPosition> latestOfAll() {
        return latest.all();
    }

    @Override
    public void report(UnitPosition position) {
        Instant now = clock.instant();
        try {
            checks.checkPlausible(position.latitude(), position.longitude(), position.at(), now);
        } catch (FixRejected impossible) {
            throw new IllegalArgumentException(impossible.getMessage());
        }
        PositionRow row = new PositionRow(position.unitId(), null, position.at(), now, position.latitude(),
                position.longitude(), position.speedMps(), position.headingDeg(), null, position.accuracyMetres(),
                null, null, true, PositionRow.Source.RESPONDER_PAGE);
        Outcome outcome = storeAndWait(writer, List.of(row));
        if (outcome != Outcome.STORED) throw new IllegalStateException(outcome.reason);
    }

    /** What became of positions handed to the writer. */
    enum Outcome {
        STORED(""),
        BUSY("Too many positions are waiting to be stored; send again in a moment."),
        NOT_STORED("The position could not be stored right now; send it again.");

        final String reason;

        Outcome(String reason) {
            this.reason = reason;
        }
    }

    /** Hands the rows to the writer and waits until their batch committed (or failed). */
    static Outcome storeAndWait(PositionWriter writer, List<PositionRow> rows) {
        try {
            writer.store(rows).get(STORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return Outcome.STORED;
        } catch (ExecutionException e) {
            return e.getCause() instanceof PositionWriter.Overloaded ? Outcome.BUSY : Outcome.NOT_STORED;
        } catch (TimeoutException e) {
            return Outcome.NOT_STORED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.NOT_STORED;
        }
    }
}

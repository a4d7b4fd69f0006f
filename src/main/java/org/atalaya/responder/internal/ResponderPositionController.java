package org.atalaya.responder.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.dispatch.UnitView;
import org.atalaya.dispatch.Units;
import org.atalaya.platform.ServerSentEvents;
import org.atalaya.responder.internal.ResponderStream.PositionUpdate;
import org.atalaya.tracking.UnitPosition;
import org.atalaya.tracking.UnitPositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the responder's page sends and hears without reloading: the phone's position while the responder shares it
 * (for the unit they are signed on to only), and the stream that tells the page of changes. Positions are not
 * audited one by one: tracking keeps them, for a limited time.
 */
@RestController
@RequiresPermission(Permission.UNIT_REPORT)
class ResponderPositionController {

    private static final Logger log = LoggerFactory.getLogger(ResponderPositionController.class);

    private final Units units;
    private final UnitPositions positions;
    private final ResponderStream stream;
    private final Clock clock;

    ResponderPositionController(Units units, UnitPositions positions, ResponderStream stream, Clock clock) {
        this.units = units;
        this.positions = positions;
        this.stream = stream;
        this.clock = clock;
    }

    /** Stores the phone's position as the signed-on unit's; answers with what was stored. */
    @PostMapping("/responder/position")
    PositionUpdate position(@RequestBody PositionReport report) {
        UnitView unit = units.signedOnBy(username()).orElseThrow(ResponderProblem::notSignedOn);
        UnitPosition position = report.of(unit.id(), clock.instant());
        try {
            positions.report(position);
        } catch (IllegalArgumentException impossible) {
            throw ResponderProblem.refusedPosition(impossible.getMessage());
        } catch (IllegalStateException busy) {
            throw ResponderProblem.notStored(busy.getMessage());
        }
        return PositionUpdate.of(position);
    }

    /**
     * Server-sent events: {@code situation} (the version of the unit's status and incident, first at once, then on
     * every change) and {@code position} (where the unit was last reported).
     */
    @GetMapping("/responder/events")
    void events(@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                HttpServletResponse response) {
        if (!ServerSentEvents.accepted(accept)) throw ResponderProblem.eventStreamOnly();
        try {
            stream.stream(username(), response);
        } catch (IOException gone) {
            log.debug("A responder's stream ended, its reader has gone: {}", gone.getMessage());
        }
    }

    private static String username() {
        return CurrentUser.get().orElseThrow().username();
    }
}

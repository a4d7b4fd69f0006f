package org.atalaya.intake.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.atalaya.incident.IncidentView;
import org.atalaya.incident.Incidents;
import org.springframework.stereotype.Component;

/** Calls as the console and the API show them: with their state and the number of their incident. */
@Component
class CallViews {

    private final CallStore store;
    private final Incidents incidents;
    private final IntakeProperties properties;
    private final Clock clock;

    CallViews(CallStore store, Incidents incidents, IntakeProperties properties, Clock clock) {
        this.store = store;
        this.incidents = incidents;
        this.properties = properties;
        this.clock = clock;
    }

    Optional<CallView> find(long id) {
        return store.find(id).map(this::view);
    }

    List<CallView> ringing() {
        return store.ringing().stream().map(this::view).toList();
    }

    List<CallView> active() {
        return store.active().stream().map(this::view).toList();
    }

    /** The calls that ended lately, the latest first. */
    List<CallView> recent() {
        return store.endedSince(clock.instant().minus(properties.recentWindow()), properties.recentShown()).stream()
                .map(this::view).toList();
    }

    /** What the queue shows: ringing and answered calls, then the calls that ended lately. */
    List<CallView> queue() {
        return Stream.concat(store.open().stream().map(this::view), recent().stream()).toList();
    }

    CallView view(CallRow row) {
        String number = row.incidentId() == null ? null
                : incidents.find(row.incidentId()).map(IncidentView::number).orElse(null);
        return CallView.of(row, number);
    }
}

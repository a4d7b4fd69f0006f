package org.atalaya.camera.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.camera.CameraChanged;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's four synthetic cameras around the centre of San Salvador de Jujuy, recording through the same pipeline
 * as real cameras so that a newcomer sees recording without owning a camera. Created once, when there are no
 * cameras at all, and audited like any other.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty("atalaya.demo.enabled")
@Order(DemoCameras.ORDER)
class DemoCameras implements ApplicationRunner {

    /** Before the recorder starts the cameras that record. */
    static final int ORDER = 50;

    private record Place(String name, String group, double latitude, double longitude, double heading, double range) {
    }

    private static final List<Place> PLACES = List.of(
            new Place("Plaza Belgrano", "Centro", -24.18565, -65.29948, 45, 90),
            new Place("Casa de Gobierno", "Centro", -24.18598, -65.29892, 300, 60),
            new Place("Parque San Martín", "Centro", -24.18905, -65.30430, 90, 120),
            new Place("Puente Lavalle", "Accesos", -24.18795, -65.29690, 160, 150));

    private static final String PURPOSE = "Demostración: imagen sintética para conocer la plataforma";
    private static final String LEGAL_BASIS = "Sin datos personales: la imagen es generada por el servidor";
    private static final int RETENTION_DAYS = 7;
    private static final double FIELD_OF_VIEW = 70;

    private final CameraStore store;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DemoCameras(CameraStore store, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments arguments) {
        if (!store.all().isEmpty()) return;
        Instant now = clock.instant();
        for (Place place : PLACES) {
            long id = store.insert(new Camera(0, place.name(), SyntheticSource.URL, null, null, false,
                    place.latitude(), place.longitude(), place.heading(), FIELD_OF_VIEW, place.range(), place.group(),
                    PURPOSE, LEGAL_BASIS, RETENTION_DAYS, RecordingMode.CONTINUOUS, true, now, now,
                    ObservedStatus.NOT_REPORTED));
            Camera created = store.byId(id).orElseThrow();
            audit.record(CameraRegistry.describe(
                    AuditEvent.success("camera.create", CameraRegistry.target(created)).by("demo"), created));
            events.publishEvent(new CameraChanged(id, false));
        }
    }
}

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
 * The demo's synthetic cameras around the centre of San Salvador de Jujuy, recording through the same pipeline as
 * real cameras so that a newcomer sees recording without owning a camera; two of them are analysed, one with an
 * object passing every 40 s (motion alarms), one covered now and then (tamper alarms). Created once, when there are no
 * cameras at all, and audited like any other.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty("atalaya.demo.enabled")
@Order(DemoCameras.ORDER)
class DemoCameras implements ApplicationRunner {

    /** Before the recorder starts the cameras that record. */
    static final int ORDER = 50;

    private record Place(String name, String group, double latitude, double longitude, double heading, double range,
                         SyntheticSource source, boolean analysed) {
    }

    private static final List<Place> PLACES = List.of(
            new Place("Plaza Belgrano", "Centro", -24.18565, -65.29948, 45, 90, SyntheticSource.BUSY_PATTERN, false),
            new Place("Casa de Gobierno", "Centro", -24.18598, -65.29892, 300, 60, SyntheticSource.BUSY_PATTERN, false),
            new Place("Parque San Martín", "Centro", -24.18905, -65.30430, 90, 120, SyntheticSource.BUSY_PATTERN,
                    false),
            new Place("Puente Lavalle", "Accesos", -24.18795, -65.29690, 160, 150, SyntheticSource.BUSY_PATTERN, false),
            new Place("Calle Belgrano y Lamadrid", "Centro", -24.18690, -65.30105, 250, 80,
                    SyntheticSource.PASSING_OBJECT, true),
            new Place("Terminal de ómnibus", "Accesos", -24.19320, -65.29870, 20, 100,
                    SyntheticSource.COVERED_NOW_AND_THEN, true));

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
            long id = store.insert(new Camera(0, place.name(), place.source().url(), null, null, false,
                    place.latitude(), place.longitude(), place.heading(), FIELD_OF_VIEW, place.range(), place.group(),
                    PURPOSE, LEGAL_BASIS, RETENTION_DAYS, RecordingMode.CONTINUOUS, true, place.analysed(), now, now,
                    ObservedStatus.NOT_REPORTED));
            Camera created = store.byId(id).orElseThrow();
            audit.record(CameraRegistry.describe(
                    AuditEvent.success("camera.create", CameraRegistry.target(created)).by("demo"), created));
            events.publishEvent(new CameraChanged(id, false));
        }
    }
}

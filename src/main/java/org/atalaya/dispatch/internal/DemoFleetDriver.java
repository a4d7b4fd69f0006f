package org.atalaya.dispatch.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.atalaya.dispatch.DispatchProperties;
import org.atalaya.dispatch.UnitStatus;
import org.atalaya.dispatch.internal.DemoFleet.DemoUnit;
import org.atalaya.incident.IncidentView;
import org.atalaya.incident.Incidents;
import org.atalaya.platform.BackgroundWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * Drives the demo fleet around the centre of San Salvador de Jujuy by reporting each unit's position to the
 * application's own OsmAnd endpoint over HTTP, the same way a phone with Traccar Client does. An available unit loops
 * along its own streets at about 35 km/h; a unit assigned to an incident drives straight towards it and stays there
 * once on scene. The driver never changes a unit's status: the dispatcher and the crews do.
 */
@BackgroundWorker
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty("atalaya.demo.enabled")
class DemoFleetDriver {

    private static final Logger log = LoggerFactory.getLogger(DemoFleetDriver.class);
    private static final double METRES_PER_SECOND = 35 / 3.6;
    private static final double METRES_PER_DEGREE_LATITUDE = 111_320;
    private static final double CENTRE_LATITUDE = -24.1858;
    private static final double CENTRE_LONGITUDE = -65.2995;
    /** About one block of the centre's grid, in degrees. */
    private static final double BLOCK = 0.00105;

    private final UnitDirectory directory;
    private final Incidents incidents;
    private final DispatchProperties properties;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Car> cars = new HashMap<>();
    private ScheduledExecutorService ticker;

    /** Where a demo unit is and which corner of its loop it drives to next. */
    private static final class Car {
        final DemoUnit unit;
        final List<double[]> loop;
        double latitude;
        double longitude;
        int next;
        double heading;

        Car(DemoUnit unit, List<double[]> loop) {
            this.unit = unit;
            this.loop = loop;
            this.latitude = loop.getFirst()[0];
            this.longitude = loop.getFirst()[1];
            this.next = 1;
        }
    }

    DemoFleetDriver(UnitDirectory directory, Incidents incidents, DispatchProperties properties, Clock clock) {
        this.directory = directory;
        this.incidents = incidents;
        this.properties = properties;
        this.clock = clock;
        List<DemoUnit> units = DemoFleet.UNITS;
        for (int i = 0; i < units.size(); i++) cars.put(units.get(i).callSign(), new Car(units.get(i), loop(i)));
    }

    @EventListener
    void start(ApplicationReadyEvent ready) {
        if (!(ready.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        String osmand = "http://127.0.0.1:" + web.getWebServer().getPort() + "/osmand";
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("demo-fleet").daemon().factory());
        long period = properties.demoFleetInterval().toMillis();
        ticker.scheduleAtFixedRate(() -> drive(osmand, period / 1000.0), period, period, TimeUnit.MILLISECONDS);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        if (ticker != null) ticker.shutdownNow();
    }

    private void drive(String osmand, double seconds) {
        for (UnitRecord unit : directory.records()) {
            Car car = cars.get(unit.callSign());
            if (car == null || !unit.active() || unit.status() == UnitStatus.OUT_OF_SERVICE) continue;
            try {
                move(car, unit, METRES_PER_SECOND * seconds);
                report(osmand, car);
            } catch (IOException | RuntimeException failed) {
                log.debug("The demo unit {} could not report its position: {}", car.unit.callSign(), failed.toString());
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void move(Car car, UnitRecord unit, double metres) {
        IncidentView incident = unit.view().incidentId() == null ? null
                : incidents.find(unit.view().incidentId()).filter(IncidentView::hasPoint).orElse(null);
        if (incident != null) {
            if (unit.status() != UnitStatus.ON_SCENE) {
                step(car, incident.latitude(), incident.longitude(), metres);
            }
            return;
        }
        double[] corner = car.loop.get(car.next);
        if (step(car, corner[0], corner[1], metres)) car.next = (car.next + 1) % car.loop.size();
    }

    /** Moves the car up to the given metres towards the point; true when it got there. */
    private static boolean step(Car car, double latitude, double longitude, double metres) {
        double metresPerDegreeLongitude = METRES_PER_DEGREE_LATITUDE * Math.cos(Math.toRadians(car.latitude));
        double north = (latitude - car.latitude) * METRES_PER_DEGREE_LATITUDE;
        double east = (longitude - car.longitude) * metresPerDegreeLongitude;
        double left = Math.hypot(north, east);
        if (left < 1) return true;
        car.heading = (Math.toDegrees(Math.atan2(east, north)) + 360) % 360;
        if (left <= metres) {
            car.latitude = latitude;
            car.longitude = longitude;
            return true;
        }
        car.latitude += north / left * metres / METRES_PER_DEGREE_LATITUDE;
        car.longitude += east / left * metres / metresPerDegreeLongitude;
        return false;
    }

    private void report(String osmand, Car car) throws IOException, InterruptedException {
        String query = String.format(Locale.ROOT, "?id=%s&lat=%.6f&lon=%.6f&timestamp=%d&speed=%.1f&bearing=%.0f",
                car.unit.device(), car.latitude, car.longitude, clock.instant().getEpochSecond(),
                METRES_PER_SECOND / 0.514444, car.heading);
        HttpRequest request = HttpRequest.newBuilder(URI.create(osmand + query)).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            log.debug("The OsmAnd endpoint refused demo unit {}: {} {}", car.unit.callSign(), answer.statusCode(),
                    answer.body());
        }
    }

    /**
     * The i-th unit's loop: a rectangle of a few blocks of the centre's grid, each unit around its own part of town
     * (the grid runs north-south and east-west, as the centre's streets roughly do).
     */
    private static List<double[]> loop(int index) {
        double[][] offsets = {{0, 0}, {-2, 3}, {2, -3}, {-4, -2}, {3, 2}, {-1, -5}, {4, 5}, {-5, 4}, {1, 6}};
        double[] offset = offsets[index % offsets.length];
        double south = CENTRE_LATITUDE + offset[0] * BLOCK;
        double west = CENTRE_LONGITUDE + offset[1] * BLOCK;
        double height = (2 + index % 3) * BLOCK;
        double width = (3 + index % 2) * BLOCK;
        return List.of(new double[]{south, west}, new double[]{south + height, west},
                new double[]{south + height, west + width}, new double[]{south, west + width});
    }
}

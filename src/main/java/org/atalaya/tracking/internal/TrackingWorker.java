package org.atalaya.tracking.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.atalaya.platform.BackgroundWorker;
import org.atalaya.tracking.TrackingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * On the server: the partition maintenance once ready and then every
 * {@link TrackingProperties#maintenanceInterval()}, and a reload of the device registrations every minute (devices
 * of a deleted unit go with it in the database). A failed run is logged; the next one runs as planned.
 */
@BackgroundWorker
class TrackingWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TrackingWorker.class);
    private static final long DEVICE_RELOAD_SECONDS = 60;

    private final PartitionMaintenance maintenance;
    private final DeviceRegistry devices;
    private final TrackingProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("tracking-maintenance").factory());

    TrackingWorker(PartitionMaintenance maintenance, DeviceRegistry devices, TrackingProperties properties,
                   Clock clock) {
        this.maintenance = maintenance;
        this.devices = devices;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler.scheduleWithFixedDelay(this::maintainPartitions, 0, properties.maintenanceInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::reloadDevices, DEVICE_RELOAD_SECONDS, DEVICE_RELOAD_SECONDS,
                TimeUnit.SECONDS);
    }

    private void maintainPartitions() {
        try {
            PartitionMaintenance.Outcome outcome = maintenance.run(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
            if (outcome.created() > 0 || !outcome.purged().isEmpty()) {
                log.info("Unit positions: {} daily partitions prepared, {} days past retention dropped",
                        outcome.created(), outcome.purged().size());
            }
        } catch (RuntimeException e) {
            log.error("Unit position partition maintenance failed; the next run is in {}",
                    properties.maintenanceInterval(), e);
        }
    }

    private void reloadDevices() {
        try {
            devices.reload();
        } catch (RuntimeException e) {
            log.warn("Could not reload the tracked devices: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}

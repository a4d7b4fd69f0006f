package org.atalaya.tracking;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How unit positions are received and kept.
 *
 * @param retentionDays       positions are personal data of the crews: days of positions (by the fix's UTC day) are
 *                            dropped once they are older than this many days
 * @param partitionsAhead     how many days ahead of today the daily partitions of the positions table are prepared
 * @param maxFutureSkew       a fix whose time is further than this in the future is refused as impossible
 * @param batchSize           the most positions written to the database in one transaction
 * @param batchDelay          how long the first position of a batch waits for others to join it; zero writes at
 *                            once whatever has arrived
 * @param maxPending          positions waiting to be written beyond which new ones are answered 503 at once (the
 *                            devices retry)
 * @param maintenanceInterval how often the daily partitions are prepared ahead and old days dropped
 */
@ConfigurationProperties("atalaya.tracking")
public record TrackingProperties(int retentionDays, int partitionsAhead, Duration maxFutureSkew, int batchSize,
                                 Duration batchDelay, int maxPending, Duration maintenanceInterval) {

    public TrackingProperties {
        if (retentionDays <= 0) retentionDays = 30;
        if (partitionsAhead <= 0) partitionsAhead = 3;
        if (maxFutureSkew == null || maxFutureSkew.isNegative()) maxFutureSkew = Duration.ofMinutes(5);
        if (batchSize <= 0) batchSize = 500;
        if (batchDelay == null || batchDelay.isNegative()) batchDelay = Duration.ofMillis(5);
        if (maxPending <= 0) maxPending = 20_000;
        if (maintenanceInterval == null || maintenanceInterval.isNegative() || maintenanceInterval.isZero()) {
            maintenanceInterval = Duration.ofHours(1);
        }
    }
}

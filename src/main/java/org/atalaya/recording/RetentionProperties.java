package org.atalaya.recording;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How long recordings are kept and how much of the disk they may take. A camera's own retention (in days) is set on
 * the camera; these settings guard the storage folder as a whole. Footage under an active legal hold is never
 * deleted by any rule.
 *
 * @param freeSpaceFloor the free space the recordings' file system must keep; below it the oldest segments (of any
 *                       camera) are deleted until it holds again, and when only held footage is left recording stops
 * @param usageCap       the most the indexed segment files may take together, or {@code null} for no cap; above it
 *                       the oldest segments are deleted
 * @param interval       how often the retention sweep runs (it also runs once at start-up)
 */
@ConfigurationProperties("atalaya.recording.retention")
public record RetentionProperties(DataSize freeSpaceFloor, DataSize usageCap, Duration interval) {

    public RetentionProperties {
        if (freeSpaceFloor == null || freeSpaceFloor.isNegative()) freeSpaceFloor = DataSize.ofGigabytes(2);
        if (usageCap != null && usageCap.isNegative()) usageCap = null;
        if (interval == null || interval.isNegative() || interval.isZero()) interval = Duration.ofMinutes(1);
    }
}

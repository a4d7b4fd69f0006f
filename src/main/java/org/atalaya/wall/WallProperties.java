package org.atalaya.wall;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits and defaults of the video wall.
 *
 * @param maxLayoutsPerUser the most named layouts one user may keep
 * @param defaultTourDwell  how long a new tour shows each camera before the next, until the operator changes it
 *                          (at most {@link #LONGEST_TOUR_DWELL})
 */
@ConfigurationProperties("atalaya.wall")
public record WallProperties(int maxLayoutsPerUser, Duration defaultTourDwell) {

    /** The longest a tour may show one camera. */
    public static final Duration LONGEST_TOUR_DWELL = Duration.ofHours(1);

    public WallProperties {
        maxLayoutsPerUser = maxLayoutsPerUser < 1 ? 100 : maxLayoutsPerUser;
        if (defaultTourDwell == null || defaultTourDwell.toSeconds() < 1) defaultTourDwell = Duration.ofSeconds(10);
        if (defaultTourDwell.compareTo(LONGEST_TOUR_DWELL) > 0) defaultTourDwell = LONGEST_TOUR_DWELL;
    }
}

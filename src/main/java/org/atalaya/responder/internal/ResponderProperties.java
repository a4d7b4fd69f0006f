package org.atalaya.responder.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The responder's phone page.
 *
 * @param streamLength  how long one stream of updates to the page stays open; the phone then opens a new one, which
 *                      checks the session and the user's permissions again (default 5 minutes)
 * @param refreshEvery  how often the server looks whether a signed-on unit's status or incident changed, to tell its
 *                      page (default 1 second)
 * @param positionEvery the shortest time between two positions the page sends while the responder shares theirs
 *                      (default 5 seconds)
 */
@ConfigurationProperties("atalaya.responder")
record ResponderProperties(Duration streamLength, Duration refreshEvery, Duration positionEvery) {

    ResponderProperties {
        streamLength = positiveOr(streamLength, Duration.ofMinutes(5));
        refreshEvery = positiveOr(refreshEvery, Duration.ofSeconds(1));
        positionEvery = positiveOr(positionEvery, Duration.ofSeconds(5));
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }
}

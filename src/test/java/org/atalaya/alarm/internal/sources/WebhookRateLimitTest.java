package org.atalaya.alarm.internal.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.atalaya.test.MovableClock;
import org.junit.jupiter.api.Test;

class WebhookRateLimitTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-29T10:15:00.100Z"));
    private final WebhookRateLimit limit = new WebhookRateLimit(clock,
            new AlarmSourcesProperties(3, null, null, null, null, null));

    @Test
    void eachSourceMaySendItsAllowanceInEachSecondOfTheClock() {
        assertThat(allowed(1, 5)).isEqualTo(3);
        assertThat(allowed(2, 2)).as("another source has its own allowance").isEqualTo(2);

        clock.advance(java.time.Duration.ofMillis(899));
        assertThat(allowed(1, 1)).as("still the same second").isZero();
        clock.advance(java.time.Duration.ofMillis(1));
        assertThat(allowed(1, 5)).as("the next second").isEqualTo(3);
    }

    private int allowed(long sourceId, int events) {
        int allowed = 0;
        for (int i = 0; i < events; i++) {
            if (limit.allow(sourceId)) allowed++;
        }
        return allowed;
    }
}

package org.atalaya.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckpointPolicyTest {

    private final CheckpointPolicy policy = new CheckpointPolicy(1000, Duration.ofSeconds(60));
    private final Instant written = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void nothingWaitingNothingToSign() {
        assertThat(policy.isDue(0, written, written.plus(Duration.ofHours(1)))).isFalse();
    }

    @Test
    void dueWhenEnoughEntriesWait() {
        assertThat(policy.isDue(999, written, written)).isFalse();
        assertThat(policy.isDue(1000, written, written)).isTrue();
        assertThat(policy.enoughEntries(1000)).isTrue();
    }

    @Test
    void dueWhenTheOldestWaitingEntryIsOldEnough() {
        assertThat(policy.isDue(1, written, written.plusSeconds(59))).isFalse();
        assertThat(policy.isDue(1, written, written.plusSeconds(60))).isTrue();
    }

    @Test
    void looksOftenEnoughButNotTooOften() {
        assertThat(policy.pollEvery()).isEqualTo(Duration.ofSeconds(5));
        assertThat(new CheckpointPolicy(10, Duration.ofSeconds(10)).pollEvery()).isEqualTo(Duration.ofSeconds(1));
        assertThat(new CheckpointPolicy(10, Duration.ofMillis(500)).pollEvery()).isEqualTo(Duration.ofMillis(200));
    }
}

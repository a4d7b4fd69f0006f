package org.atalaya.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.atalaya.identity.IdentityProperties;
import org.atalaya.test.MovableClock;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(clock, new IdentityProperties(
            null, 3, Duration.ofMinutes(15), 4, Duration.ofMinutes(5), null, null));

    @Test
    void anAddressIsBlockedAfterTooManyFailuresWithinTheWindow() {
        for (int i = 0; i < 3; i++) throttle.failedFrom("192.0.2.1");
        assertThat(throttle.blockedFor("192.0.2.1")).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        throttle.failedFrom("192.0.2.1");

        assertThat(throttle.blockedFor("192.0.2.1")).map(SignInThrottle.Block::retryAfter).hasValue(Duration.ofMinutes(4));
        assertThat(throttle.blockedFor("192.0.2.2")).isEmpty();
    }

    @Test
    void onlyTheFirstRefusalInAWindowIsWorthReporting() {
        for (int i = 0; i < 4; i++) throttle.failedFrom("192.0.2.1");

        assertThat(throttle.blockedFor("192.0.2.1")).hasValueSatisfying(block -> assertThat(block.firstInWindow()).isTrue());
        clock.advance(Duration.ofMinutes(4));
        assertThat(throttle.blockedFor("192.0.2.1")).hasValueSatisfying(block -> assertThat(block.firstInWindow()).isFalse());

        clock.advance(Duration.ofMinutes(2));
        assertThat(throttle.blockedFor("192.0.2.1")).isEmpty();
        for (int i = 0; i < 4; i++) throttle.failedFrom("192.0.2.1");
        assertThat(throttle.blockedFor("192.0.2.1")).hasValueSatisfying(block -> assertThat(block.firstInWindow()).isTrue());
    }

    @Test
    void failedSignInsAndBadTokensAreCountedApart() {
        for (int i = 0; i < 4; i++) throttle.failedFrom("192.0.2.1");
        for (int i = 0; i < 4; i++) throttle.badTokenFrom("192.0.2.2");

        assertThat(throttle.blockedFor("192.0.2.1")).isPresent();
        assertThat(throttle.tokensBlockedFor("192.0.2.1")).isEmpty();
        assertThat(throttle.tokensBlockedFor("192.0.2.2")).isPresent();
        assertThat(throttle.blockedFor("192.0.2.2")).isEmpty();
    }

    @Test
    void oldFailuresLeaveTheWindow() {
        for (int i = 0; i < 4; i++) throttle.failedFrom("192.0.2.1");
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertThat(throttle.blockedFor("192.0.2.1")).isEmpty();
    }

    @Test
    void anUnknownNameLocksLikeARealAccountAndUnlocksAfterTheLockout() {
        assertThat(throttle.failedForUnknownName("ghost")).isEmpty();
        assertThat(throttle.failedForUnknownName("ghost")).isEmpty();

        var lockedUntil = throttle.failedForUnknownName("ghost");

        assertThat(lockedUntil).hasValue(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(throttle.unknownNameLockedUntil("ghost")).isEqualTo(lockedUntil);
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.unknownNameLockedUntil("ghost")).isEmpty();
        assertThat(throttle.failedForUnknownName("ghost")).isEmpty();
    }

}

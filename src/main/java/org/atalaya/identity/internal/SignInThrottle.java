package org.atalaya.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.atalaya.identity.IdentityProperties;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins remembered in memory (per server node, forgotten on restart): the per-address rate limit, and
 * lockouts of user names that do not exist, which behave like real ones so a lockout message reveals nothing about
 * which names are accounts.
 */
@Component
class SignInThrottle {

    /** Beyond this many remembered keys, entries with nothing recent are dropped before another is added. */
    private static final int TIDY_ABOVE = 10_000;

    private record PhantomAccount(int failures, Instant lockedUntil, Instant lastFailure) {
    }

    private final Clock clock;
    private final IdentityProperties properties;
    private final Map<String, Deque<Instant>> failuresByAddress = new ConcurrentHashMap<>();
    private final Map<String, PhantomAccount> unknownNames = new ConcurrentHashMap<>();

    SignInThrottle(Clock clock, IdentityProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    /** How long the address must wait before trying again, if it has failed too often lately. */
    Optional<Duration> blockedFor(String address) {
        var failures = failuresByAddress.get(address);
        if (failures == null) return Optional.empty();
        Instant now = clock.instant();
        synchronized (failures) {
            forgetBefore(failures, now.minus(properties.rateLimitWindow()));
            if (failures.size() < properties.rateLimitAttempts()) return Optional.empty();
            Instant oldest = failures.peekFirst();
            return Optional.of(Duration.between(now, oldest.plus(properties.rateLimitWindow())));
        }
    }

    void failedFrom(String address) {
        Instant now = clock.instant();
        if (failuresByAddress.size() > TIDY_ABOVE) tidy(now);
        var failures = failuresByAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (failures) {
            forgetBefore(failures, now.minus(properties.rateLimitWindow()));
            failures.addLast(now);
        }
    }

    /** Until when a name that is no account appears locked, if it does. */
    Optional<Instant> unknownNameLockedUntil(String username) {
        var phantom = unknownNames.get(username);
        Instant now = clock.instant();
        return phantom == null || phantom.lockedUntil() == null || !phantom.lockedUntil().isAfter(now)
                ? Optional.empty() : Optional.of(phantom.lockedUntil());
    }

    /** Counts a failure for a name that is no account; returns until when it now appears locked, if it does. */
    Optional<Instant> failedForUnknownName(String username) {
        Instant now = clock.instant();
        if (unknownNames.size() > TIDY_ABOVE) tidy(now);
        var phantom = unknownNames.compute(username, (name, before) -> {
            int failures = before == null || before.lockedUntil() != null ? 1 : before.failures() + 1;
            Instant lockedUntil = failures >= properties.maxFailedAttempts() ? now.plus(properties.lockoutDuration()) : null;
            return new PhantomAccount(failures, lockedUntil, now);
        });
        return Optional.ofNullable(phantom.lockedUntil());
    }

    private void tidy(Instant now) {
        Instant windowStart = now.minus(properties.rateLimitWindow());
        failuresByAddress.values().removeIf(failures -> {
            synchronized (failures) {
                forgetBefore(failures, windowStart);
                return failures.isEmpty();
            }
        });
        Instant stale = now.minus(properties.lockoutDuration());
        unknownNames.values().removeIf(phantom -> phantom.lastFailure().isBefore(stale));
    }

    private static void forgetBefore(Deque<Instant> failures, Instant start) {
        while (!failures.isEmpty() && failures.peekFirst().isBefore(start)) failures.removeFirst();
    }
}

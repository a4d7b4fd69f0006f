package org.atalaya.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.atalaya.identity.IdentityProperties;
import org.springframework.stereotype.Component;

/**
 * Failures remembered in memory (per server node, forgotten on restart): the per-address rate limits, and lockouts
 * of user names that do not exist, which behave like real ones so a lockout message reveals nothing about which
 * names are accounts. Wrong passwords and codes count against signing in, bad API tokens against tokens: a
 * colleague's typing at the same address does not stop a script's valid token, nor the other way round.
 */
@Component
class SignInThrottle {

    /** Beyond this many remembered keys, entries with nothing recent are dropped before another is added. */
    private static final int TIDY_ABOVE = 10_000;

    /**
     * An address being refused.
     *
     * @param retryAfter    how long until it may try again
     * @param firstInWindow whether this is the first refusal of the address within a rate-limit window, the one
     *                      worth an audit entry (the refusals after it are not audited, so nobody can grow the
     *                      log just by asking)
     */
    record Block(Duration retryAfter, boolean firstInWindow) {
    }

    private record PhantomAccount(int failures, Instant lockedUntil, Instant lastFailure) {
    }

    private final Clock clock;
    private final IdentityProperties properties;
    private final AddressLimit signIns = new AddressLimit();
    private final AddressLimit tokens = new AddressLimit();
    private final Map<String, PhantomAccount> unknownNames = new ConcurrentHashMap<>();

    SignInThrottle(Clock clock, IdentityProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    /** The sliding window in which failures from one address are counted. */
    Duration window() {
        return properties.rateLimitWindow();
    }

    /** Whether the address must wait before signing in again, having failed too often lately. */
    Optional<Block> blockedFor(String address) {
        return signIns.blockedFor(address);
    }

    /** Counts a wrong password or code from the address. */
    void failedFrom(String address) {
        signIns.failedFrom(address);
    }

    /** Whether the address must wait before presenting an API token again, having presented bad ones too often. */
    Optional<Block> tokensBlockedFor(String address) {
        return tokens.blockedFor(address);
    }

    void badTokenFrom(String address) {
        tokens.failedFrom(address);
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
        if (unknownNames.size() > TIDY_ABOVE) {
            Instant stale = now.minus(properties.lockoutDuration());
            unknownNames.values().removeIf(phantom -> phantom.lastFailure().isBefore(stale));
        }
        var phantom = unknownNames.compute(username, (name, before) -> {
            int failures = before == null || before.lockedUntil() != null ? 1 : before.failures() + 1;
            Instant lockedUntil = failures >= properties.maxFailedAttempts() ? now.plus(properties.lockoutDuration()) : null;
            return new PhantomAccount(failures, lockedUntil, now);
        });
        return Optional.ofNullable(phantom.lockedUntil());
    }

    /** Failures per address within the sliding window, and when each address's refusal was last reported. */
    private final class AddressLimit {

        private final Map<String, Deque<Instant>> failuresByAddress = new ConcurrentHashMap<>();
        private final Map<String, Instant> reportedAt = new ConcurrentHashMap<>();

        Optional<Block> blockedFor(String address) {
            var failures = failuresByAddress.get(address);
            if (failures == null) return Optional.empty();
            Instant now = clock.instant();
            Duration retryAfter;
            synchronized (failures) {
                forgetBefore(failures, now.minus(properties.rateLimitWindow()));
                if (failures.size() < properties.rateLimitAttempts()) return Optional.empty();
                retryAfter = Duration.between(now, failures.peekFirst().plus(properties.rateLimitWindow()));
            }
            return Optional.of(new Block(retryAfter, firstReportIn(address, now)));
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

        /** True once per address and window: the refusal that starts (or restarts) a stretch of throttling. */
        private boolean firstReportIn(String address, Instant now) {
            var due = new AtomicBoolean();
            reportedAt.compute(address, (a, last) -> {
                if (last != null && now.isBefore(last.plus(properties.rateLimitWindow()))) return last;
                due.set(true);
                return now;
            });
            return due.get();
        }

        private void tidy(Instant now) {
            Instant windowStart = now.minus(properties.rateLimitWindow());
            failuresByAddress.values().removeIf(failures -> {
                synchronized (failures) {
                    forgetBefore(failures, windowStart);
                    return failures.isEmpty();
                }
            });
            reportedAt.values().removeIf(reported -> reported.isBefore(windowStart));
        }
    }

    private static void forgetBefore(Deque<Instant> failures, Instant start) {
        while (!failures.isEmpty() && failures.peekFirst().isBefore(start)) failures.removeFirst();
    }
}

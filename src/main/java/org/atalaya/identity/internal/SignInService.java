package org.atalaya.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.identity.IdentityProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of signing in: password, second factor, a forced password change, a required two-factor enrolment.
 * Every attempt is audited in the same transaction as its effect, so without an audit entry nothing happens; only
 * the refusals of an address that failed too often are not, once the start of its refusal is.
 */
@Service
class SignInService {

    sealed interface Outcome {
    }

    /** The step passed; {@code next} says what the user must do now. */
    record Proceed(UserAccount user, SignInStep next) implements Outcome {
    }

    /** Refused, with a message key that reveals no more than the user may know. */
    record Refused(String messageKey) implements Outcome {
    }

    record Locked(Instant until) implements Outcome {
    }

    record Throttled(Duration retryAfter) implements Outcome {
    }

    static final String ANONYMOUS = "anonymous";

    private final UserStore users;
    private final Passwords passwords;
    private final TotpSecrets secrets;
    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final IdentityProperties properties;
    private final Clock clock;

    SignInService(UserStore users, Passwords passwords, TotpSecrets secrets, SignInThrottle throttle, AuditLog audit,
                  IdentityProperties properties, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.secrets = secrets;
        this.throttle = throttle;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public Outcome password(String typedUsername, String password, String clientAddress) {
        String username = Usernames.normalise(typedUsername);
        String target = "user:" + Usernames.forAudit(typedUsername);
        var throttled = throttled(clientAddress);
        if (throttled.isPresent()) return new Throttled(throttled.get());
        var found = users.byUsername(username);
        if (found.isEmpty()) {
            return unknownName(username, password, target, clientAddress);
        }
        UserAccount user = users.byIdForUpdate(found.get().id()).orElseThrow();
        Instant now = clock.instant();
        if (user.lockedAt(now)) {
            passwords.checkAgainstNobody(password);
            audit.record(loginFailure(target, "locked"));
            return new Locked(user.lockedUntil());
        }
        if (!passwords.matches(password, user.passwordHash())) {
            throttle.failedFrom(clientAddress);
            return countFailure(user, target, "bad-password", now);
        }
        if (!user.enabled()) {
            audit.record(loginFailure(target, "disabled"));
            return new Refused("login.disabled");
        }
        SignInStep next = user.totpEnabled() ? SignInStep.SECOND_FACTOR : afterSecondFactor(user);
        if (next == SignInStep.COMPLETE) {
            complete(user, "password");
        } else {
            audit.record(AuditEvent.success("auth.login.password", target).by(user.username()).with("next", next.name()));
        }
        return new Proceed(user, next);
    }

    @Transactional
    public Outcome secondFactor(long userId, String code, String clientAddress) {
        UserAccount user = users.byIdForUpdate(userId).orElseThrow();
        String target = "user:" + user.username();
        var throttled = throttled(clientAddress);
        if (throttled.isPresent()) return new Throttled(throttled.get());
        Instant now = clock.instant();
        if (user.lockedAt(now)) {
            audit.record(AuditEvent.failure("auth.totp", target).by(ANONYMOUS).with("reason", "locked"));
            return new Locked(user.lockedUntil());
        }
        if (!user.enabled() || !user.totpEnabled()) {
            audit.record(AuditEvent.failure("auth.totp", target).by(ANONYMOUS).with("reason", "not-available"));
            return new Refused("login.disabled");
        }
        var step = Totp.matchingStep(secrets.open(user.id(), user.totpSecret()), code, now);
        if (step.isEmpty() || !users.useTotpStep(user.id(), step.getAsLong())) {
            throttle.failedFrom(clientAddress);
            return countTotpFailure(user, target, step.isEmpty() ? "bad-code" : "reused-code", now);
        }
        SignInStep next = afterSecondFactor(user);
        if (next == SignInStep.COMPLETE) {
            complete(user, "password+totp");
        } else {
            audit.record(AuditEvent.success("auth.totp", target).by(user.username()).with("next", next.name()));
        }
        return new Proceed(user, next);
    }

    /** The new password a user must choose before going further; returns the step after it. */
    @Transactional
    public SignInStep forcedPasswordChange(long userId, String newPassword, String confirmation) {
        UserAccount user = users.byIdForUpdate(userId).orElseThrow();
        requireNewPassword(user, newPassword, confirmation);
        users.setPassword(user.id(), passwords.hash(newPassword), false, clock.instant());
        audit.record(AuditEvent.success("user.password.change", "user:" + user.username()).by(user.username())
                .with("during", "sign-in"));
        SignInStep next = enrolmentNeeded(user) ? SignInStep.TOTP_ENROLMENT : SignInStep.COMPLETE;
        if (next == SignInStep.COMPLETE) complete(user, user.totpEnabled() ? "password+totp" : "password");
        return next;
    }

    /** Confirms a required enrolment with a first code; false if the code is wrong. */
    @Transactional
    public boolean enrolDuringSignIn(long userId, byte[] secret, String code) {
        UserAccount user = users.byIdForUpdate(userId).orElseThrow();
        var step = Totp.matchingStep(secret, code, clock.instant());
        if (step.isEmpty()) {
            audit.record(AuditEvent.failure("user.totp.enable", "user:" + user.username()).by(user.username())
                    .with("reason", "bad-code"));
            return false;
        }
        users.enableTotp(user.id(), secrets.seal(user.id(), secret), step.getAsLong());
        audit.record(AuditEvent.success("user.totp.enable", "user:" + user.username()).by(user.username())
                .with("during", "sign-in"));
        complete(user, "password+totp");
        return true;
    }

    /**
     * How long the address must wait before trying a password or code again, if it failed too often lately. Only the
     * first refusal in a rate-limit window is audited ({@code auth.rate-limit}), so refusals cannot grow the log.
     */
    Optional<Duration> throttled(String clientAddress) {
        return throttle.blockedFor(clientAddress).map(block -> {
            if (block.firstInWindow()) audit.record(rateLimited(clientAddress, "sign-in", throttle.window()));
            return block.retryAfter();
        });
    }

    /** The audit entry for an address that failed too often and is refused from now until its window has passed. */
    static AuditEvent rateLimited(String clientAddress, String counting, Duration window) {
        return AuditEvent.success("auth.rate-limit", "address:" + clientAddress).by("system")
                .with("address", String.valueOf(clientAddress)).with("counting", counting).with("window", window.toString());
    }

    /** Whole minutes, rounded up, never less than one. */
    static long wholeMinutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    void requireNewPassword(UserAccount user, String newPassword, String confirmation) {
        if (newPassword == null || !newPassword.equals(confirmation)) throw IdentityProblem.invalid("password.mismatch");
        passwords.requireAcceptable(user.username(), newPassword);
        if (passwords.matches(newPassword, user.passwordHash())) throw IdentityProblem.invalid("password.unchanged");
    }

    private Outcome unknownName(String username, String password, String target, String clientAddress) {
        passwords.checkAgainstNobody(password);
        var lockedUntil = throttle.unknownNameLockedUntil(username);
        if (lockedUntil.isPresent()) {
            audit.record(loginFailure(target, "locked"));
            return new Locked(lockedUntil.get());
        }
        throttle.failedFrom(clientAddress);
        audit.record(loginFailure(target, "unknown-user"));
        return throttle.failedForUnknownName(username).<Outcome>map(Locked::new)
                .orElseGet(() -> new Refused("login.failed"));
    }

    private Outcome countFailure(UserAccount user, String target, String reason, Instant now) {
        audit.record(loginFailure(target, reason));
        return lockIfTooMany(user, target, now).<Outcome>map(Locked::new).orElseGet(() -> new Refused("login.failed"));
    }

    private Outcome countTotpFailure(UserAccount user, String target, String reason, Instant now) {
        audit.record(AuditEvent.failure("auth.totp", target).by(ANONYMOUS).with("reason", reason));
        return lockIfTooMany(user, target, now).<Outcome>map(Locked::new).orElseGet(() -> new Refused("login.totp.failed"));
    }

    /** Counts a failed password or code against the account; returns until when it is now locked, if it is. */
    Optional<Instant> lockIfTooMany(UserAccount user, String target, Instant now) {
        int failures = user.failedAttempts() + 1;
        if (failures < properties.maxFailedAttempts()) {
            users.recordFailure(user.id(), failures, null);
            return Optional.empty();
        }
        Instant until = now.plus(properties.lockoutDuration());
        users.recordFailure(user.id(), 0, until);
        audit.record(AuditEvent.success("auth.lockout", target).by("system")
                .with("failures", Integer.toString(failures)).with("until", until.toString()));
        return Optional.of(until);
    }

    private SignInStep afterSecondFactor(UserAccount user) {
        if (user.mustChangePassword()) return SignInStep.PASSWORD_CHANGE;
        return enrolmentNeeded(user) ? SignInStep.TOTP_ENROLMENT : SignInStep.COMPLETE;
    }

    private boolean enrolmentNeeded(UserAccount user) {
        return !user.totpEnabled() && users.anyRoleRequiresTotp(user.id());
    }

    private void complete(UserAccount user, String factors) {
        users.clearFailures(user.id());
        audit.record(AuditEvent.success("auth.login", "user:" + user.username()).by(user.username())
                .with("factors", factors));
    }

    private static AuditEvent loginFailure(String target, String reason) {
        return AuditEvent.failure("auth.login", target).by(ANONYMOUS).with("reason", reason);
    }
}

package org.atalaya.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.atalaya.access.CurrentUser;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What signed-in users do to their own account: password, two-factor sign-in, their other sessions. */
@Service
class AccountService {

    private final UserStore users;
    private final Passwords passwords;
    private final TotpSecrets secrets;
    private final Sessions sessions;
    private final SignInService signIn;
    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;

    AccountService(UserStore users, Passwords passwords, TotpSecrets secrets, Sessions sessions, SignInService signIn,
                   SignInThrottle throttle, AuditLog audit, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.secrets = secrets;
        this.sessions = sessions;
        this.signIn = signIn;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    /** The signed-in user of this request (pages and API calls of this module are never reached without one). */
    static AtalayaPrincipal me() {
        return CurrentUser.get().filter(AtalayaPrincipal.class::isInstance).map(AtalayaPrincipal.class::cast)
                .orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }

    UserAccount account(long userId) {
        return users.byId(userId).orElseThrow();
    }

    boolean totpRequired(long userId) {
        return users.anyRoleRequiresTotp(userId);
    }

    int otherSessions(String username, String currentSessionId) {
        return sessions.countOthers(username, currentSessionId);
    }

    /** Changes the password after checking the current one, and signs out every other session. */
    @Transactional(noRollbackFor = IdentityProblem.class)
    public void changePassword(long userId, String currentPassword, String newPassword, String confirmation,
                               String currentSessionId, String clientAddress) {
        var user = users.byIdForUpdate(userId).orElseThrow();
        requireCurrentPassword(user, currentPassword, "user.password.change", clientAddress);
        signIn.requireNewPassword(user, newPassword, confirmation);
        users.setPassword(user.id(), passwords.hash(newPassword), false, clock.instant());
        audit.record(AuditEvent.success("user.password.change", "user:" + user.username()));
        sessions.endAll(user.username(), currentSessionId);
    }

    /** Turns on two-factor sign-in once the first code from the app matches; false if it does not. */
    @Transactional
    public boolean enableTotp(long userId, byte[] secret, String code) {
        var user = users.byIdForUpdate(userId).orElseThrow();
        var step = Totp.matchingStep(secret, code, clock.instant());
        if (step.isEmpty()) {
            audit.record(AuditEvent.failure("user.totp.enable", "user:" + user.username()).with("reason", "bad-code"));
            return false;
        }
        users.enableTotp(user.id(), secrets.seal(user.id(), secret), step.getAsLong());
        audit.record(AuditEvent.success("user.totp.enable", "user:" + user.username()));
        return true;
    }

    @Transactional(noRollbackFor = IdentityProblem.class)
    public void disableTotp(long userId, String currentPassword, String clientAddress) {
        var user = users.byIdForUpdate(userId).orElseThrow();
        if (users.anyRoleRequiresTotp(user.id())) throw IdentityProblem.invalid("totp.required");
        requireCurrentPassword(user, currentPassword, "user.totp.disable", clientAddress);
        users.disableTotp(user.id());
        audit.record(AuditEvent.success("user.totp.disable", "user:" + user.username()));
    }

    @Transactional
    public int signOutOthers(String username, String currentSessionId) {
        int ended = sessions.endAll(username, currentSessionId);
        audit.record(AuditEvent.success("user.sessions.end", "user:" + username)
                .with("sessions", Integer.toString(ended)).with("kept", "current"));
        return ended;
    }

    /**
     * Checks the password a signed-in user gives to confirm a sensitive change. Wrong ones count like failed
     * sign-ins, towards locking the account and towards the address's rate limit: a session left open is no way
     * to guess the password at leisure.
     */
    private void requireCurrentPassword(UserAccount user, String password, String action, String clientAddress) {
        String target = "user:" + user.username();
        var throttled = signIn.throttled(clientAddress);
        if (throttled.isPresent()) {
            throw IdentityProblem.invalid("password.throttled", SignInService.wholeMinutes(throttled.get()));
        }
        Instant now = clock.instant();
        if (user.lockedAt(now)) {
            audit.record(AuditEvent.failure(action, target).with("reason", "locked"));
            throw locked(user.lockedUntil(), now);
        }
        if (!passwords.matches(password, user.passwordHash())) {
            throttle.failedFrom(clientAddress);
            audit.record(AuditEvent.failure(action, target).with("reason", "bad-password"));
            var lockedUntil = signIn.lockIfTooMany(user, target, now);
            if (lockedUntil.isPresent()) throw locked(lockedUntil.get(), now);
            throw IdentityProblem.invalid("password.currentWrong");
        }
        if (user.failedAttempts() > 0) users.clearFailures(user.id());
    }

    private static IdentityProblem locked(Instant until, Instant now) {
        return IdentityProblem.invalid("login.locked", SignInService.wholeMinutes(Duration.between(now, until)));
    }
}

package org.atalaya.identity.internal;

import java.time.Clock;
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
    private final AuditLog audit;
    private final Clock clock;

    AccountService(UserStore users, Passwords passwords, TotpSecrets secrets, Sessions sessions, SignInService signIn,
                   AuditLog audit, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.secrets = secrets;
        this.sessions = sessions;
        this.signIn = signIn;
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
                               String currentSessionId) {
        var user = users.byIdForUpdate(userId).orElseThrow();
        if (!passwords.matches(currentPassword, user.passwordHash())) {
            audit.record(AuditEvent.failure("user.password.change", "user:" + user.username()).with("reason", "bad-password"));
            throw IdentityProblem.invalid("password.currentWrong");
        }
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
    public void disableTotp(long userId, String currentPassword) {
        var user = users.byIdForUpdate(userId).orElseThrow();
        if (users.anyRoleRequiresTotp(user.id())) throw IdentityProblem.invalid("totp.required");
        if (!passwords.matches(currentPassword, user.passwordHash())) {
            audit.record(AuditEvent.failure("user.totp.disable", "user:" + user.username()).with("reason", "bad-password"));
            throw IdentityProblem.invalid("password.currentWrong");
        }
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
}

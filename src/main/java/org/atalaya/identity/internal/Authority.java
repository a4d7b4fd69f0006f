package org.atalaya.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import org.atalaya.access.CurrentUser;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.springframework.stereotype.Component;

/**
 * Keeps those who manage users and roles within their own authority. Otherwise whoever may manage users could make
 * anyone anything, themselves included: so the roles given to a user, the permissions added to a role and the
 * accounts acted upon (any change, a password or two-factor reset, disabling, signing out) must stay within the
 * grants the actor holds, camera-group limits included.
 *
 * <p>Holders of the built-in {@code admin} role are the exception: they set up every other role from the first start,
 * when nobody else holds anything, so they may give any role and act on any account; and only they may give that
 * role or act on the account of someone who holds it.
 *
 * <p>The limits apply to a signed-in actor. The system itself (first start, command-line tools) is not limited. A
 * refusal is audited as denied before anything has changed, and answered 403.
 */
@Component
class Authority {

    /** Who acts, and what they may hand out. */
    private record Actor(boolean administrator, GrantSet grants) {
    }

    private static final String ADMIN_ROLE = "role " + UserAdministration.ADMIN;

    private final UserStore users;
    private final AuditLog audit;

    Authority(UserStore users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    /** Refuses giving roles whose grants the actor does not hold, or the admin role to anyone by a non-holder. */
    void requireMayGiveRoles(String action, String target, Collection<Role> roles) {
        actor().filter(actor -> !actor.administrator()).ifPresent(actor -> {
            if (roles.stream().anyMatch(role -> role.name().equals(UserAdministration.ADMIN))) {
                throw refuse(action, target, ADMIN_ROLE, "user.administratorsOnly");
            }
            String missing = listed(actor.grants().missing(roles.stream().flatMap(role -> role.grants().stream()).toList()));
            if (!missing.isEmpty()) throw refuse(action, target, missing, "user.rolesBeyondOwn", missing);
        });
    }

    /** Refuses acting on an account that holds more than the actor does. */
    void requireMayManage(String action, UserAccount account) {
        actor().filter(actor -> !actor.administrator()).ifPresent(actor -> {
            String target = "user:" + account.username();
            if (users.roleNames(account.id()).contains(UserAdministration.ADMIN)) {
                throw refuse(action, target, ADMIN_ROLE, "user.administratorsOnly");
            }
            String missing = listed(actor.grants().missing(users.grants(account.id())));
            if (!missing.isEmpty()) throw refuse(action, target, missing, "user.accountBeyondOwn", account.username(), missing);
        });
    }

    /** Refuses adding to a role grants the actor does not hold. */
    void requireMayGrant(String action, String target, Collection<Role.Grant> added) {
        actor().filter(actor -> !actor.administrator()).ifPresent(actor -> {
            String missing = listed(actor.grants().missing(added));
            if (!missing.isEmpty()) throw refuse(action, target, missing, "role.grantsBeyondOwn", missing);
        });
    }

    /** The signed-in actor as the database knows them now; one who vanished meanwhile holds nothing. */
    private Optional<Actor> actor() {
        return CurrentUser.get().map(signedIn -> users.byUsername(signedIn.username())
                .map(user -> new Actor(users.roleNames(user.id()).contains(UserAdministration.ADMIN),
                        GrantSet.of(users.grants(user.id()))))
                .orElseGet(() -> new Actor(false, GrantSet.of(List.of()))));
    }

    /** Audits the refusal, with what lay beyond the actor, and returns the problem to throw. */
    private IdentityProblem refuse(String action, String target, String beyond, String messageKey, Object... arguments) {
        audit.record(AuditEvent.denied(action, target).with("beyondActor", beyond));
        return IdentityProblem.beyondAuthority(messageKey, arguments);
    }

    private static String listed(SortedSet<String> grants) {
        return String.join(", ", grants);
    }
}

package org.atalaya.identity.internal;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** Builds the principal of a request from the user's current roles; a disabled or vanished user gets none. */
@Component
class SignedInUsers {

    private final UserStore users;

    SignedInUsers(UserStore users) {
        this.users = users;
    }

    Optional<AtalayaPrincipal> load(long userId) {
        return users.byId(userId).filter(UserAccount::enabled).map(this::principalOf);
    }

    /** Whether the user must set up two-factor sign-in before anything else (a role now requires it). */
    boolean enrolmentPending(long userId) {
        return users.enrolmentPending(userId);
    }

    private AtalayaPrincipal principalOf(UserAccount user) {
        var grants = GrantSet.of(users.grants(user.id()));
        return new AtalayaPrincipal(user.id(), user.username(), user.displayName(), grants.everywhere(), grants.inGroups());
    }
}

package org.atalaya.identity.internal;

import java.time.Instant;
import java.util.List;

/**
 * A user as administrators see them (pages and API): never a password hash or two-factor secret.
 *
 * @param lockedUntil set while the account is locked after failed sign-ins
 */
record UserView(
        String username,
        String displayName,
        boolean enabled,
        Instant lockedUntil,
        boolean totpEnabled,
        boolean mustChangePassword,
        List<String> roles,
        Instant createdAt,
        Instant passwordChangedAt) {

    static UserView of(UserAccount user, List<String> roles, Instant now) {
        return new UserView(user.username(), user.displayName(), user.enabled(),
                user.lockedAt(now) ? user.lockedUntil() : null, user.totpEnabled(), user.mustChangePassword(),
                List.copyOf(roles), user.createdAt(), user.passwordChangedAt());
    }

    public boolean locked() {
        return lockedUntil != null;
    }
}

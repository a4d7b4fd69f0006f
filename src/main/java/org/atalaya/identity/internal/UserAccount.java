package org.atalaya.identity.internal;

import java.time.Instant;

/** A row of {@code users}. The password hash and two-factor secret never leave the identity module. */
record UserAccount(
        long id,
        String username,
        String displayName,
        String passwordHash,
        boolean mustChangePassword,
        boolean enabled,
        int failedAttempts,
        Instant lockedUntil,
        String totpSecret,
        boolean totpEnabled,
        Long lastTotpStep,
        Instant createdAt,
        Instant passwordChangedAt) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    @Override
    public String toString() {
        return "UserAccount[" + id + ", " + username + "]";
    }
}

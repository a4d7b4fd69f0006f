package org.atalaya.identity.internal;

import java.security.SecureRandom;
import java.util.Optional;
import org.atalaya.platform.SecretBox;
import org.springframework.stereotype.Component;

/**
 * Two-factor secrets as they are kept in the database, and in the session while being enrolled: sealed by the
 * platform's {@link SecretBox}, bound to the user they belong to.
 */
@Component
class TotpSecrets {

    private static final int SECRET_BYTES = 20;

    private final SecureRandom random = new SecureRandom();
    private final SecretBox box;

    TotpSecrets(SecretBox box) {
        this.box = box;
    }

    byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    String seal(long userId, byte[] secret) {
        return box.seal(secret, associatedData(userId));
    }

    byte[] open(long userId, String stored) {
        return box.open(stored, associatedData(userId));
    }

    /** Seals a secret not yet confirmed, for the session store: it opens only as this user's pending secret. */
    String sealPending(long userId, byte[] secret) {
        return box.seal(secret, pendingAssociatedData(userId));
    }

    /** The pending secret, or empty if it was sealed for someone else or with another key. */
    Optional<byte[]> openPending(long userId, String sealed) {
        try {
            return Optional.of(box.open(sealed, pendingAssociatedData(userId)));
        } catch (IllegalStateException notThisUsers) {
            return Optional.empty();
        }
    }

    private static String associatedData(long userId) {
        return "atalaya-totp-user-" + userId;
    }

    private static String pendingAssociatedData(long userId) {
        return "atalaya-totp-pending-user-" + userId;
    }
}

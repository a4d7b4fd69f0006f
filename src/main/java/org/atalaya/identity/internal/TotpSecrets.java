package org.atalaya.identity.internal;

import java.security.SecureRandom;
import org.atalaya.platform.SecretBox;
import org.springframework.stereotype.Component;

/**
 * Two-factor secrets as they are kept in the database: sealed by the platform's {@link SecretBox}, bound to the
 * user they belong to.
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

    private static String associatedData(long userId) {
        return "atalaya-totp-user-" + userId;
    }
}

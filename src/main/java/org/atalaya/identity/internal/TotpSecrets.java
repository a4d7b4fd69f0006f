package org.atalaya.identity.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.atalaya.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Two-factor secrets as they are kept in the database: AES-256-GCM with the configured key ({@code v1:} + base64 of
 * nonce and ciphertext, the user id bound in as associated data), or, without a key, plain base32 ({@code plain:}).
 */
@Component
class TotpSecrets {

    private static final Logger log = LoggerFactory.getLogger(TotpSecrets.class);
    private static final String ENCRYPTED = "v1:";
    private static final String PLAIN = "plain:";
    private static final int SECRET_BYTES = 20;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final SecretKey key;

    TotpSecrets(IdentityProperties properties) {
        this.key = keyFrom(properties.secretKey());
        if (key == null) {
            log.warn("atalaya.identity.secret-key is not set: two-factor secrets are stored unencrypted in the database");
        }
    }

    byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    String seal(long userId, byte[] secret) {
        if (key == null) return PLAIN + Base32.encode(secret);
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(userId));
            byte[] sealed = cipher.doFinal(secret);
            return ENCRYPTED + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt a two-factor secret", e);
        }
    }

    byte[] open(long userId, String stored) {
        if (stored.startsWith(PLAIN)) return Base32.decode(stored.substring(PLAIN.length()));
        if (!stored.startsWith(ENCRYPTED)) throw new IllegalStateException("unknown two-factor secret format");
        if (key == null) {
            throw new IllegalStateException("two-factor secrets are encrypted but atalaya.identity.secret-key is not set");
        }
        try {
            byte[] sealed = Base64.getDecoder().decode(stored.substring(ENCRYPTED.length()));
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(userId));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not decrypt a two-factor secret: is atalaya.identity.secret-key the one it was stored with?", e);
        }
    }

    private static byte[] associatedData(long userId) {
        return ("atalaya-totp-user-" + userId).getBytes(StandardCharsets.US_ASCII);
    }

    private static SecretKey keyFrom(String base64) {
        if (base64 == null || base64.isBlank()) return null;
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("atalaya.identity.secret-key must be base64 (e.g. from: openssl rand -base64 32)");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("atalaya.identity.secret-key must decode to 32 bytes, not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}

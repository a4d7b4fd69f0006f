package org.atalaya.alarm.internal.sources;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Webhook tokens: 32 random bytes, base64url. Only their SHA-256 is stored; a presented token is hashed and the
 * hashes compared in constant time, so neither the database nor the timing of an answer gives a token away.
 */
final class SourceTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    private SourceTokens() {
    }

    static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether the presented token is the one whose hash is stored; {@code false} for a missing token or hash. */
    static boolean matches(String presented, byte[] storedSha256) {
        if (presented == null || storedSha256 == null) return false;
        return MessageDigest.isEqual(sha256(presented), storedSha256);
    }
}

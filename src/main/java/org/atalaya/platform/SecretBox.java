package org.atalaya.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts secrets that must be stored in the database: AES-256-GCM with a random nonce, the text {@code v1:} +
 * base64(nonce || ciphertext || tag). The associated data binds a sealed value to what it belongs to (e.g.
 * {@code totp:user:12}), so a value copied onto another row does not open.
 */
public final class SecretBox {

    private static final String FORMAT = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(SecretKey key) {
        this.key = key;
    }

    public String seal(byte[] plaintext, String associatedData) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return FORMAT + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt a secret", e);
        }
    }

    /** @throws IllegalStateException if the value was sealed with another key or for other associated data */
    public byte[] open(String sealedValue, String associatedData) {
        if (!sealedValue.startsWith(FORMAT)) throw new IllegalStateException("not a sealed secret");
        try {
            byte[] sealed = Base64.getDecoder().decode(sealedValue.substring(FORMAT.length()));
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "could not decrypt a stored secret: was it stored with another atalaya.secrets key?", e);
        }
    }
}

package org.atalaya.audit.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** Ed25519 with the JDK alone: key pairs, PEM files (PKCS#8 and X.509 SubjectPublicKeyInfo), key ids, signatures. */
public final class SigningKeys {

    private static final String ALGORITHM = "Ed25519";
    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";

    private SigningKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no Ed25519", e);
        }
    }

    /** Hex of the first 8 bytes of SHA-256 over the public key's DER encoding. */
    public static String keyId(PublicKey key) {
        return HexFormat.of().formatHex(Arrays.copyOf(Hash.sha256(key.getEncoded()).unsafeBytes(), 8));
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            var signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign with the audit key: " + e.getClass().getSimpleName(), e);
        }
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
        try {
            var signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static String privateKeyPem(PrivateKey key) {
        return pem(PRIVATE_LABEL, key.getEncoded());
    }

    public static String publicKeyPem(PublicKey key) {
        return pem(PUBLIC_LABEL, key.getEncoded());
    }

    /** Reads an Ed25519 private key in PKCS#8 PEM; {@link IllegalArgumentException} says what is wrong. */
    public static PrivateKey readPrivateKey(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(pem, PRIVATE_LABEL)));
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("not an Ed25519 private key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no Ed25519", e);
        }
    }

    /** Reads an Ed25519 public key in X.509 SubjectPublicKeyInfo PEM; {@link IllegalArgumentException} if it is not. */
    public static PublicKey readPublicKey(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(pem, PUBLIC_LABEL)));
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no Ed25519", e);
        }
    }

    private static String pem(String label, byte[] der) {
        var body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static byte[] der(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("not a PEM file with a " + label + " block");
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + label + " block is not valid base64");
        }
    }
}

package org.atalaya.audit.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** A SHA-256 value: a leaf, a node of the Merkle tree or a tree root. */
public record Hash(byte[] bytes) {

    public static final int LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();

    public Hash {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("a SHA-256 hash has " + LENGTH + " bytes");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public String hex() {
        return HEX.formatHex(bytes);
    }

    /** Reads 64 hexadecimal digits; throws {@link IllegalArgumentException} for anything else. */
    public static Hash fromHex(String hex) {
        if (hex == null || hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("a SHA-256 hash is written as " + 2 * LENGTH + " hexadecimal digits");
        }
        return new Hash(HEX.parseHex(hex));
    }

    static Hash sha256(byte prefix, byte[]... parts) {
        var digest = newDigest();
        digest.update(prefix);
        for (byte[] part : parts) {
            digest.update(part);
        }
        return new Hash(digest.digest());
    }

    static Hash sha256(byte[] data) {
        return new Hash(newDigest().digest(data));
    }

    byte[] unsafeBytes() {
        return bytes;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hash that && MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}

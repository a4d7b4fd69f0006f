package org.atalaya.identity.internal;

import java.security.SecureRandom;
import java.util.Locale;
import org.atalaya.identity.IdentityProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Argon2id password hashes and the password policy. */
@Component
class Passwords {

    static final int MAX_LENGTH = 256;
    private static final String ONE_TIME_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int ONE_TIME_LENGTH = 20;

    private final PasswordEncoder encoder;
    private final SecureRandom random = new SecureRandom();
    private final int minLength;
    private final String hashNobodyHas;

    @Autowired
    Passwords(IdentityProperties properties) {
        this(properties, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
    }

    Passwords(IdentityProperties properties, PasswordEncoder encoder) {
        this.encoder = encoder;
        this.minLength = properties.minPasswordLength();
        this.hashNobodyHas = encoder.encode(oneTimePassword());
    }

    int minLength() {
        return minLength;
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    /**
     * Whether the password is the one hashed. Every call hashes once, and never more than {@value #MAX_LENGTH}
     * characters: a password too long to be anyone's costs the same as any other, and no more.
     */
    boolean matches(String password, String hash) {
        boolean possible = password != null && password.length() <= MAX_LENGTH;
        boolean matching = encoder.matches(possible ? password : hashable(password), hash);
        return possible && matching;
    }

    /** Takes as long as checking a real password, so an unknown or locked account cannot be told apart by timing. */
    void checkAgainstNobody(String password) {
        matches(password, hashNobodyHas);
    }

    private static String hashable(String password) {
        return password == null ? "" : password.substring(0, MAX_LENGTH);
    }

    /** @throws IdentityProblem with the first rule the new password breaks */
    void requireAcceptable(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            throw IdentityProblem.invalid("password.tooShort", minLength);
        }
        if (password.length() > MAX_LENGTH) {
            throw IdentityProblem.invalid("password.tooLong", MAX_LENGTH);
        }
        if (password.strip().toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
            throw IdentityProblem.invalid("password.isUsername");
        }
    }

    /** A random password for a first sign-in, to be changed right away: 20 characters, none easily confused. */
    String oneTimePassword() {
        var password = new StringBuilder(ONE_TIME_LENGTH);
        for (int i = 0; i < ONE_TIME_LENGTH; i++) {
            password.append(ONE_TIME_ALPHABET.charAt(random.nextInt(ONE_TIME_ALPHABET.length())));
        }
        return password.toString();
    }
}

package org.atalaya.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.atalaya.identity.IdentityProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Every password check costs one hash of at most the longest password accepted, whatever was typed. */
class PasswordsTest {

    /** Hashes by reversing, and remembers what it was asked to check. */
    static final class RecordingEncoder implements PasswordEncoder {
        final List<String> checked = new ArrayList<>();

        @Override
        public String encode(CharSequence raw) {
            return new StringBuilder(raw).reverse().toString();
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checked.add(raw.toString());
            return encode(raw).equals(encoded);
        }
    }

    private final RecordingEncoder encoder = new RecordingEncoder();
    private final Passwords passwords = new Passwords(new IdentityProperties(null, null, null, null, null, null, null), encoder);

    @Test
    void aPasswordTooLongToBeAnyonesIsHashedLikeAnyOther() {
        String tooLong = "x".repeat(Passwords.MAX_LENGTH + 1);

        assertThat(passwords.matches(tooLong, encoder.encode(tooLong))).isFalse();

        assertThat(encoder.checked).singleElement().satisfies(raw -> assertThat(raw).hasSize(Passwords.MAX_LENGTH));
    }

    @Test
    void checkingAgainstNobodyHashesOnceAndNoMoreThanTheLongestPassword() {
        passwords.checkAgainstNobody("y".repeat(100_000));
        passwords.checkAgainstNobody(null);

        assertThat(encoder.checked).hasSize(2).allSatisfy(raw -> assertThat(raw.length()).isLessThanOrEqualTo(Passwords.MAX_LENGTH));
    }

    @Test
    void theRightPasswordStillMatches() {
        assertThat(passwords.matches("a quite long passphrase", encoder.encode("a quite long passphrase"))).isTrue();
        assertThat(passwords.matches("another passphrase", encoder.encode("a quite long passphrase"))).isFalse();
    }
}

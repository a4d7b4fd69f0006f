package org.atalaya.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** The SHA-1 seed of RFC 6238 appendix B. */
    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void matchesTheSha1TestVectorsOfRfc6238(long unixSeconds, String expected) {
        long step = Totp.stepAt(Instant.ofEpochSecond(unixSeconds));

        assertThat(Totp.code(RFC_SECRET, step, 8)).isEqualTo(expected);
        assertThat(Totp.code(RFC_SECRET, step, 6)).isEqualTo(expected.substring(2));
    }

    @Test
    void acceptsTheCodeOfTheCurrentStepAndOneStepEitherSide() {
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        long step = Totp.stepAt(now);

        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step, 6), now)).hasValue(step);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1, 6), now)).hasValue(step - 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1, 6), now)).hasValue(step + 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 2, 6), now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2, 6), now)).isEmpty();
    }

    @Test
    void toleratesASpaceInTheMiddleAndRefusesAnythingElse() {
        Instant now = Instant.ofEpochSecond(59);
        String code = Totp.code(RFC_SECRET, Totp.stepAt(now), 6);

        assertThat(Totp.matchingStep(RFC_SECRET, code.substring(0, 3) + " " + code.substring(3), now)).isPresent();
        assertThat(Totp.matchingStep(RFC_SECRET, "", now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, null, now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "12345a", now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, code + "0", now)).isEmpty();
    }

    @Test
    void base32FollowsRfc4648() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Base32.encode(RFC_SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Base32.decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")).isEqualTo(RFC_SECRET);
        assertThat(Base32.decode(Base32.encode(new byte[] {0, -1, 17, 42, -128}))).containsExactly(0, -1, 17, 42, -128);
    }
}

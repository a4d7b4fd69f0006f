package org.atalaya.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class KpiFormatTest {

    private final KpiFormat english = new KpiFormat(Locale.ENGLISH, ZoneId.of("America/Argentina/Jujuy"));
    private final KpiFormat spanish = new KpiFormat(Locale.forLanguageTag("es"), ZoneId.of("America/Argentina/Jujuy"));

    @Test
    void durationsAreRoundedUpSoTheyNeverLookBetterThanMeasured() {
        assertThat(english.duration(Duration.ofSeconds(15))).isEqualTo("15 s");
        assertThat(english.duration(Duration.ofMillis(15_001))).isEqualTo("15.1 s");
        assertThat(spanish.duration(Duration.ofMillis(15_001))).isEqualTo("15,1 s");
        assertThat(english.duration(Duration.ofMillis(40))).isEqualTo("0.1 s");
        assertThat(english.duration(Duration.ofSeconds(65))).isEqualTo("1 min 05 s");
        assertThat(english.duration(Duration.ofMillis(240_200))).isEqualTo("4 min 01 s");
        assertThat(english.duration(Duration.ofMinutes(62))).isEqualTo("1 h 02 min");
        assertThat(english.duration(null)).isEqualTo("—");
    }

    @Test
    void sharesAreRoundedDown() {
        assertThat(english.share(0.9)).isEqualTo("90 %");
        assertThat(english.share(0.89996)).isEqualTo("89.9 %");
        assertThat(spanish.share(0.925)).isEqualTo("92,5 %");
        assertThat(english.share(1.0)).isEqualTo("100 %");
        assertThat(english.share(null)).isEqualTo("—");
    }

    @Test
    void periodsAreNamedInTheCentresZone() {
        assertThat(english.bucket(Instant.parse("2026-11-20T03:00:00Z"), false)).isEqualTo("20 Nov");
        assertThat(english.bucket(Instant.parse("2026-11-20T03:00:00Z"), true)).isEqualTo("20 Nov");
        assertThat(english.bucket(Instant.parse("2026-11-20T12:00:00Z"), true)).isEqualTo("09:00");
    }
}

package org.atalaya.playback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeRangeTest {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void readsInstantsWithAnyOffsetAndGivesAMissingEndTheDefaultLength() {
        TimeRange range = TimeRange.parse("2026-01-31T11:00:00-03:00", null, TEN_MINUTES, HOUR);

        assertThat(range.from()).isEqualTo(Instant.parse("2026-01-31T14:00:00Z"));
        assertThat(range.to()).isEqualTo(Instant.parse("2026-01-31T14:10:00Z"));
    }

    @Test
    void refusesWhatIsNotAnInstantALongRangeAndAnEndBeforeTheStart() {
        assertThatThrownBy(() -> TimeRange.parse("2026-01-31T14:00:00", null, TEN_MINUTES, HOUR))
                .hasMessageContaining("with its offset");
        assertThatThrownBy(() -> TimeRange.parse(null, null, TEN_MINUTES, HOUR))
                .hasMessageContaining("Parameter 'from' is required");
        assertThatThrownBy(() -> TimeRange.parse("2026-01-31T14:00:00Z", "2026-01-31T15:00:01Z", TEN_MINUTES, HOUR))
                .hasMessage("The time range may be at most 1 hour long.");
        assertThatThrownBy(() -> TimeRange.parse("2026-01-31T14:00:00Z", "2026-01-31T14:00:00Z", TEN_MINUTES, HOUR))
                .hasMessage("The end of the time range must come after its start.");
    }

    @ParameterizedTest
    @CsvSource({"PT1H, 1 hour", "PT2H, 2 hours", "P7D, 7 days", "PT90M, 90 minutes", "PT1M, 1 minute",
            "PT30S, 30 seconds"})
    void saysALimitInWords(Duration limit, String words) {
        assertThat(TimeRange.words(limit)).isEqualTo(words);
    }
}

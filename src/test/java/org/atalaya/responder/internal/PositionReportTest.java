package org.atalaya.responder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.atalaya.tracking.UnitPosition;
import org.junit.jupiter.api.Test;

class PositionReportTest {

    private static final Instant NOW = Instant.parse("2026-11-29T13:00:00Z");

    @Test
    void theFixKeepsThePhonesTimeAndWhatItKnows() {
        long taken = NOW.minusSeconds(3).toEpochMilli();

        UnitPosition position = new PositionReport(-24.19, -65.30, 8.0, 11.5, 90.0, taken).of(7, NOW);

        assertThat(position).isEqualTo(new UnitPosition(7, -24.19, -65.30, NOW.minusSeconds(3), 11.5, 90.0, 8.0));
    }

    @Test
    void aFixWithoutATimeOrFromTheFutureIsTakenAsNow() {
        assertThat(new PositionReport(-24.19, -65.30, null, null, null, null).of(7, NOW).at()).isEqualTo(NOW);
        assertThat(new PositionReport(-24.19, -65.30, null, null, null, NOW.plusSeconds(90).toEpochMilli())
                .of(7, NOW).at()).isEqualTo(NOW);
    }

    @Test
    void impossibleValuesAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> new PositionReport(-24.19, 181.0, null, null, null, null).of(7, NOW))
                .isInstanceOf(ResponderProblem.class)
                .hasMessage("The longitude must be between -180 and 180 (got 181.0).");
        assertThatThrownBy(() -> new PositionReport(-24.19, -65.30, null, null, 361.0, null).of(7, NOW))
                .hasMessage("The heading must be between 0 and 360 (got 361.0).");
        assertThatThrownBy(() -> new PositionReport(-24.19, -65.30, null, -1.0, null, null).of(7, NOW))
                .hasMessage("The speed must be at least 0 (got -1.0).");
        assertThatThrownBy(() -> new PositionReport(null, -65.30, null, null, null, null).of(7, NOW))
                .hasMessage("The position has no latitude.");
        assertThatThrownBy(() -> new PositionReport(Double.NaN, -65.30, null, null, null, null).of(7, NOW))
                .isInstanceOf(ResponderProblem.class);
    }
}

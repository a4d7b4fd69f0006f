package org.atalaya.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class KpiQueryTest {

    private static final ZoneId JUJUY = ZoneId.of("America/Argentina/Jujuy");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void withoutDatesTheLastSevenDaysUpToTodayInTheCentresZone() {
        var query = KpiQuery.parse(null, " ", "", null, TODAY, JUJUY);

        assertThat(query.period().firstDay()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(query.period().lastDay()).isEqualTo(TODAY);
        assertThat(query.period().start()).isEqualTo(Instant.parse("2026-11-23T03:00:00Z"));
        assertThat(query.period().end()).isEqualTo(Instant.parse("2026-11-30T03:00:00Z"));
        assertThat(query.agency()).isNull();
        assertThat(query.typeCode()).isNull();
    }

    @Test
    void oneDateAloneGivesSevenDaysFromOrUpToIt() {
        assertThat(KpiQuery.parse("2026-11-01", null, null, null, TODAY, JUJUY).period().lastDay())
                .isEqualTo(LocalDate.of(2026, 11, 7));
        assertThat(KpiQuery.parse(null, "2026-11-07", null, null, TODAY, JUJUY).period().firstDay())
                .isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @Test
    void filtersAreKeptTrimmed() {
        var query = KpiQuery.parse("2026-11-29", "2026-11-29", " Bomberos ", "FIRE_STRUCTURE", TODAY, JUJUY);
        assertThat(query.agency()).isEqualTo("Bomberos");
        assertThat(query.typeCode()).isEqualTo("FIRE_STRUCTURE");
        assertThat(query.period().hourly()).isTrue();
    }

    @Test
    void badPeriodsAreRefusedInWords() {
        assertThatThrownBy(() -> KpiQuery.parse("29/11/2026", null, null, null, TODAY, JUJUY))
                .isInstanceOf(KpiProblem.class).hasMessage("The from date \"29/11/2026\" is not a date like 2026-11-29.");
        assertThatThrownBy(() -> KpiQuery.parse("2026-11-20", "2026-11-19", null, null, TODAY, JUJUY))
                .isInstanceOf(KpiProblem.class).hasMessage("The period ends before it starts.");
        assertThatThrownBy(() -> KpiQuery.parse("2025-01-01", "2026-11-19", null, null, TODAY, JUJUY))
                .isInstanceOf(KpiProblem.class).hasMessage("A report covers at most 366 days.");
        assertThat(KpiQuery.parse("2025-11-20", "2026-11-20", null, null, TODAY, JUJUY).period().days())
                .isEqualTo(366);
    }
}

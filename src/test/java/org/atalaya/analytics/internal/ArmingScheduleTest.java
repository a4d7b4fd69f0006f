package org.atalaya.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArmingScheduleTest {

    private static final ZoneId JUJUY = ZoneId.of("America/Argentina/Jujuy");

    @Test
    void noWindowMeansAlwaysArmed() {
        assertThat(new ArmingSchedule(List.of(), JUJUY).armed(Instant.parse("2026-03-02T15:00:00Z"))).isTrue();
    }

    @Test
    void aDaytimeWindowArmsFromItsStartUntilJustBeforeItsEndOnItsDaysInTheConfiguredZone() {
        var weekdayOffice = new ArmingSchedule(List.of(new ArmingWindow(
                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY), LocalTime.of(8, 0), LocalTime.of(18, 0))), JUJUY);

        // Jujuy is three hours behind UTC
        assertThat(weekdayOffice.armed(Instant.parse("2026-03-02T11:00:00Z"))).as("Monday 08:00").isTrue();
        assertThat(weekdayOffice.armed(Instant.parse("2026-03-02T10:59:59Z"))).as("Monday 07:59:59").isFalse();
        assertThat(weekdayOffice.armed(Instant.parse("2026-03-02T20:59:59Z"))).as("Monday 17:59:59").isTrue();
        assertThat(weekdayOffice.armed(Instant.parse("2026-03-02T21:00:00Z"))).as("Monday 18:00").isFalse();
        assertThat(weekdayOffice.armed(Instant.parse("2026-03-04T15:00:00Z"))).as("Wednesday noon").isFalse();
    }

    @Test
    void aWindowEndingBeforeItStartsRunsPastMidnightIntoTheNextDay() {
        var fridayNight = new ArmingSchedule(List.of(new ArmingWindow(
                Set.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0))), ZoneId.of("UTC"));

        assertThat(fridayNight.armed(Instant.parse("2026-03-06T21:59:00Z"))).as("Friday 21:59").isFalse();
        assertThat(fridayNight.armed(Instant.parse("2026-03-06T23:30:00Z"))).as("Friday 23:30").isTrue();
        assertThat(fridayNight.armed(Instant.parse("2026-03-07T05:59:00Z"))).as("Saturday 05:59").isTrue();
        assertThat(fridayNight.armed(Instant.parse("2026-03-07T06:00:00Z"))).as("Saturday 06:00").isFalse();
        assertThat(fridayNight.armed(Instant.parse("2026-03-07T23:00:00Z"))).as("Saturday 23:00").isFalse();
        assertThat(fridayNight.armed(Instant.parse("2026-03-06T03:00:00Z"))).as("Friday 03:00").isFalse();
    }

    @Test
    void aWindowEndingWhereItStartsLastsAWholeDay() {
        var sundayAround = new ArmingSchedule(List.of(new ArmingWindow(
                Set.of(DayOfWeek.SUNDAY), LocalTime.of(12, 0), LocalTime.of(12, 0))), ZoneId.of("UTC"));

        assertThat(sundayAround.armed(Instant.parse("2026-03-01T12:00:00Z"))).as("Sunday noon").isTrue();
        assertThat(sundayAround.armed(Instant.parse("2026-03-02T11:59:00Z"))).as("Monday 11:59").isTrue();
        assertThat(sundayAround.armed(Instant.parse("2026-03-02T12:00:00Z"))).as("Monday noon").isFalse();
    }
}

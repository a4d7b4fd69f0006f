package org.atalaya.kpi.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Durations, shares and periods as the console writes them. Durations are rounded up and shares down, so a figure on
 * screen never looks better than the measurement: 15.01 s shows as 15.1 s, not 15 s; 89.96 % as 89.9 %, not 90 %.
 */
final class KpiFormat {

    static final String NONE = "—";

    private final Locale locale;
    private final ZoneId zone;

    KpiFormat(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
    }

    String duration(Duration duration) {
        if (duration == null) return NONE;
        long millis = duration.toMillis();
        if (millis < 60_000) {
            long tenths = (millis + 99) / 100;
            return tenths % 10 == 0 ? tenths / 10 + " s" : String.format(locale, "%.1f s", tenths / 10.0);
        }
        long seconds = (millis + 999) / 1000;
        if (seconds < 3600) return String.format(locale, "%d min %02d s", seconds / 60, seconds % 60);
        long minutes = (seconds + 59) / 60;
        return String.format(locale, "%d h %02d min", minutes / 60, minutes % 60);
    }

    String share(Double share) {
        if (share == null) return NONE;
        BigDecimal percent = BigDecimal.valueOf(share).multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.FLOOR);
        return percent.stripTrailingZeros().scale() <= 0
                ? percent.setScale(0, RoundingMode.FLOOR).toPlainString() + " %"
                : String.format(locale, "%.1f %%", percent.doubleValue());
    }

    String day(Instant instant) {
        return DateTimeFormatter.ofPattern("d MMM", locale).format(instant.atZone(zone));
    }

    String hour(Instant instant) {
        return DateTimeFormatter.ofPattern("HH:mm", locale).format(instant.atZone(zone));
    }

    /** A period bucket's name: its day, or its hour (with the day at midnight). */
    String bucket(Instant start, boolean hourly) {
        if (!hourly) return day(start);
        return start.atZone(zone).getHour() == 0 ? day(start) : hour(start);
    }
}

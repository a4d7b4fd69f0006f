package org.atalaya.alarm.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operators' alarm console and its live stream.
 *
 * @param streamLength how long one live stream of alarm changes stays open; the browser then opens a new one, which
 *                     checks the session and the user's permissions again (default 5 minutes)
 * @param openShown    how many open alarms the console shows and a stream begins with, the most urgent first
 *                     (default 200)
 * @param closedShown  how many recently closed alarms the console's "closed" filter shows (default 50)
 */
@ConfigurationProperties("atalaya.alarm.console")
record AlarmConsoleProperties(Duration streamLength, int openShown, int closedShown) {

    AlarmConsoleProperties {
        if (streamLength == null || streamLength.isNegative() || streamLength.isZero()) {
            streamLength = Duration.ofMinutes(5);
        }
        if (openShown <= 0) openShown = 200;
        if (closedShown <= 0) closedShown = 50;
    }
}

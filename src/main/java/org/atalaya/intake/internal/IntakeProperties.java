package org.atalaya.intake.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The call-taker's screen.
 *
 * @param streamLength    how long one live stream of calls stays open; the browser then opens a new one, which checks
 *                        the session and the user's permissions again (default 5 minutes)
 * @param recentShown     how many ended calls the queue shows under the ringing and answered ones (default 15)
 * @param recentWindow    how far back the queue's ended calls go (default 12 hours)
 * @param panelAuditQuiet after a user was shown the calls of an incident (callers' numbers are personal data, so the
 *                        look is audited), how long further looks at the same incident's calls by the same user go
 *                        unaudited, so that a page refreshing its panel does not flood the log (default 1 minute)
 */
@ConfigurationProperties("atalaya.intake")
record IntakeProperties(Duration streamLength, int recentShown, Duration recentWindow, Duration panelAuditQuiet) {

    IntakeProperties {
        if (streamLength == null || !streamLength.isPositive()) streamLength = Duration.ofMinutes(5);
        if (recentShown <= 0) recentShown = 15;
        if (recentWindow == null || !recentWindow.isPositive()) recentWindow = Duration.ofHours(12);
        if (panelAuditQuiet == null || panelAuditQuiet.isNegative()) panelAuditQuiet = Duration.ofMinutes(1);
    }
}

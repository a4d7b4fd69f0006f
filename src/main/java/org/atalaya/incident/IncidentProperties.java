package org.atalaya.incident;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Incidents: how near a new report must be to an open incident to be offered as its duplicate, which cameras are
 * listed with an incident, and how incident numbers begin.
 *
 * @param duplicateRadius metres: an open incident of a similar type this close to a new report is offered as a
 *                        possible duplicate (default 300)
 * @param duplicateWindow an open incident of a similar type whose call (or opening) is this close in time to a new
 *                        report is offered as a possible duplicate (default 30 minutes)
 * @param cameraRadius    metres: cameras this close to an incident are listed with it when their view covers its
 *                        place (default 250); a camera without a range of its own is taken to see this far
 * @param numberPrefix    the first part of incident numbers, {@code <prefix>-<year>-<6 digits>} (default INC)
 */
@ConfigurationProperties("atalaya.incident")
public record IncidentProperties(Double duplicateRadius, Duration duplicateWindow, Double cameraRadius,
                                 String numberPrefix) {

    public IncidentProperties {
        if (duplicateRadius == null || !(duplicateRadius > 0)) duplicateRadius = 300.0;
        if (duplicateWindow == null || duplicateWindow.isNegative() || duplicateWindow.isZero()) {
            duplicateWindow = Duration.ofMinutes(30);
        }
        if (cameraRadius == null || !(cameraRadius > 0)) cameraRadius = 250.0;
        numberPrefix = numberPrefix == null || numberPrefix.isBlank() ? "INC" : numberPrefix.strip();
        if (!numberPrefix.matches("[A-Za-z0-9]{1,10}")) {
            throw new IllegalArgumentException("atalaya.incident.number-prefix must be 1 to 10 letters or digits (got "
                    + numberPrefix + ")");
        }
    }
}

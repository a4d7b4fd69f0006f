package org.atalaya.dispatch;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Units' assignments to incidents, for reports. */
public interface Assignments {

    /** Assignments made in [from, to), oldest first. */
    List<AssignmentTimes> dispatchedBetween(Instant from, Instant to);

    /** Every assignment of the given incidents, oldest first. */
    List<AssignmentTimes> ofIncidents(Collection<Long> incidentIds);
}

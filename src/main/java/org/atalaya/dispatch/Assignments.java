package org.atalaya.dispatch;

import java.util.Collection;
import java.util.List;

/** Units' assignments to incidents, for reports. */
public interface Assignments {

    /** Every assignment of the given incidents, oldest first. */
    List<AssignmentTimes> ofIncidents(Collection<Long> incidentIds);
}

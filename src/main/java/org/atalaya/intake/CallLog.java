package org.atalaya.intake;

import java.time.Instant;
import java.util.List;

/** The calls the centre received, for reports. */
public interface CallLog {

    /** Calls offered in [from, to), oldest first. */
    List<CallTimes> offeredBetween(Instant from, Instant to);
}

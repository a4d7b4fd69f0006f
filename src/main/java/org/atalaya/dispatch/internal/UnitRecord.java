package org.atalaya.dispatch.internal;

import java.time.Instant;
import org.atalaya.dispatch.UnitStatus;
import org.atalaya.dispatch.UnitView;

/** A unit as dispatch keeps it: what others see, and since when its status holds, its agency and whether it is listed. */
record UnitRecord(UnitView view, long agencyId, Instant statusSince, boolean active) {

    public long id() {
        return view.id();
    }

    public String callSign() {
        return view.callSign();
    }

    public UnitStatus status() {
        return view.status();
    }
}

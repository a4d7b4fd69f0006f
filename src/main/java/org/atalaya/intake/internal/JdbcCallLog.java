package org.atalaya.intake.internal;

import java.time.Instant;
import java.util.List;
import org.atalaya.intake.CallLog;
import org.atalaya.intake.CallTimes;
import org.springframework.stereotype.Component;

@Component
class JdbcCallLog implements CallLog {

    private final CallStore store;

    JdbcCallLog(CallStore store) {
        this.store = store;
    }

    @Override
    public List<CallTimes> offeredBetween(Instant from, Instant to) {
        return store.offeredBetween(from, to).stream().map(CallRow::times).toList();
    }
}

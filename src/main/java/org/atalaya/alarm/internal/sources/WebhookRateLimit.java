package org.atalaya.alarm.internal.sources;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** At most {@code webhook-events-per-second} events per source in each second of the clock. */
@Component
class WebhookRateLimit {

    private record Window(long second, int count) {
    }

    private final Map<Long, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int perSecond;

    WebhookRateLimit(Clock clock, AlarmSourcesProperties properties) {
        this.clock = clock;
        this.perSecond = properties.webhookEventsPerSecond();
    }

    /** Counts the event; {@code false} when the source has used up this second's allowance. */
    boolean allow(long sourceId) {
        long second = clock.instant().getEpochSecond();
        Window window = windows.compute(sourceId, (id, current) -> current == null || current.second() != second
                ? new Window(second, 1) : new Window(second, current.count() + 1));
        return window.count() <= perSecond;
    }

    int perSecond() {
        return perSecond;
    }
}

package org.atalaya.alarm.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs what must only happen once an alarm's change is committed (telling the console, asking for clips): after the
 * current transaction commits, or at once outside a transaction. Nothing runs when the transaction rolls back.
 */
@Component
class AlarmNotices {

    private final ApplicationEventPublisher events;

    AlarmNotices(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Publishes {@link AlarmUpdated} after the commit. */
    void updated(long alarmId) {
        afterCommit(() -> events.publishEvent(new AlarmUpdated(alarmId)));
    }

    void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}

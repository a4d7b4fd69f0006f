package org.atalaya.alarm;

/** Where alarms enter the queue. */
public interface AlarmIntake {

    /**
     * Raises an alarm, or folds the signal into the open alarm with the same deduplication key.
     *
     * @return the id of the alarm the signal went into
     * @throws IllegalArgumentException if the type is unknown
     */
    long raise(AlarmSignal signal);
}

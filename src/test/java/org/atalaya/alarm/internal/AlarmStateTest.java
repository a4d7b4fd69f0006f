package org.atalaya.alarm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.atalaya.alarm.internal.AlarmState.Step;
import org.junit.jupiter.api.Test;

/** New, acknowledged, in progress, closed: and closing from any open state. */
class AlarmStateTest {

    @Test
    void eachStepLeadsOnFromTheStatesItMayBeTakenFrom() {
        assertThat(AlarmState.NEW.after(Step.ACKNOWLEDGE)).contains(AlarmState.ACKNOWLEDGED);
        assertThat(AlarmState.ACKNOWLEDGED.after(Step.START)).contains(AlarmState.IN_PROGRESS);
        assertThat(AlarmState.NEW.after(Step.CLOSE)).contains(AlarmState.CLOSED);
        assertThat(AlarmState.ACKNOWLEDGED.after(Step.CLOSE)).contains(AlarmState.CLOSED);
        assertThat(AlarmState.IN_PROGRESS.after(Step.CLOSE)).contains(AlarmState.CLOSED);
    }

    @Test
    void noStepGoesBackOrSkipsAcknowledging() {
        assertThat(AlarmState.NEW.after(Step.START)).isEmpty();
        assertThat(AlarmState.ACKNOWLEDGED.after(Step.ACKNOWLEDGE)).isEmpty();
        assertThat(AlarmState.IN_PROGRESS.after(Step.ACKNOWLEDGE)).isEmpty();
        assertThat(AlarmState.IN_PROGRESS.after(Step.START)).isEmpty();
        for (Step step : Step.values()) assertThat(AlarmState.CLOSED.after(step)).isEmpty();
    }

    @Test
    void statesAreStoredInLowerCase() {
        assertThat(AlarmState.IN_PROGRESS.code()).isEqualTo("in_progress");
        assertThat(AlarmState.of("acknowledged")).isEqualTo(AlarmState.ACKNOWLEDGED);
    }
}

package org.atalaya.alarm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.atalaya.alarm.AlarmIntake;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Alarms nobody acknowledges are escalated once their type's time is up, counted from their first signal. */
@AtalayaTest
class AlarmEscalationTest {

    @Autowired
    AlarmIntake intake;

    @Autowired
    AlarmEscalation escalation;

    @Autowired
    AlarmQueries queries;

    @Autowired
    AlarmTypes types;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @LocalServerPort
    int port;

    AlarmFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new AlarmFixtures(jdbc, accounts, port);
    }

    @Test
    void aNewAlarmIsEscalatedOnceWhenItsTypesTimeIsUpAndRaisedOnePriority() {
        Instant firstAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long id = intake.raise(AlarmFixtures.signal("motion", AlarmFixtures.name("escalation"), firstAt));
        int after = types.find("motion").orElseThrow().escalateAfterSeconds();

        assertThat(escalation.escalateDue(firstAt.plusSeconds(after).minusMillis(1))).doesNotContain(id);
        assertThat(queries.find(id).orElseThrow().escalatedAt()).isNull();

        Instant due = firstAt.plusSeconds(after);
        assertThat(escalation.escalateDue(due)).contains(id);
        AlarmView alarm = queries.find(id).orElseThrow();
        assertThat(alarm.escalatedAt()).isEqualTo(due);
        assertThat(alarm.priority()).isEqualTo(2);
        assertThat(fixtures.auditEntries("alarm.escalated", id)).isEqualTo(1);
        assertThat(fixtures.auditActor("alarm.escalated", id)).isEqualTo("system");
        assertThat(queries.history(id)).extracting(HistoryEntry::action).containsExactly("raised", "escalated");

        assertThat(escalation.escalateDue(due.plusSeconds(3600))).doesNotContain(id);
        assertThat(queries.find(id).orElseThrow().priority()).isEqualTo(2);
    }

    @Test
    void priorityOneStaysOneAndAnAcknowledgedAlarmIsNotEscalated() {
        Instant firstAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long panic = intake.raise(AlarmFixtures.signal("panic", AlarmFixtures.name("escalation"), firstAt));
        long answered = intake.raise(AlarmFixtures.signal("sensor", AlarmFixtures.name("escalation"), firstAt));
        jdbc.sql("UPDATE alarm SET state = 'acknowledged' WHERE id = ?").param(answered).update();

        assertThat(escalation.escalateDue(firstAt.plusSeconds(3600))).contains(panic).doesNotContain(answered);
        assertThat(queries.find(panic).orElseThrow().priority()).isEqualTo(1);
        assertThat(queries.find(answered).orElseThrow().escalatedAt()).isNull();
    }

    @Test
    void aTypeWithoutEscalationTimeIsNeverEscalated() {
        Instant firstAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long gap = intake.raise(AlarmFixtures.signal("recording.gap", AlarmFixtures.name("escalation"), firstAt));

        assertThat(escalation.escalateDue(firstAt.plus(30, ChronoUnit.DAYS))).doesNotContain(gap);
    }
}

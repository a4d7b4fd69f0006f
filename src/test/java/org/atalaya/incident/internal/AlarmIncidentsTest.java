package org.atalaya.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.atalaya.alarm.AlarmHandedToIncident;
import org.atalaya.incident.IncidentView;
import org.atalaya.test.Await;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** An alarm handed over to the emergency centre becomes one alarm follow-up incident. */
@AtalayaTest
class AlarmIncidentsTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    IncidentService incidents;

    @Autowired
    JdbcClient jdbc;

    private Optional<Long> incidentOf(long alarmId) {
        return jdbc.sql("SELECT id FROM incidents WHERE alarm_id = ?").param(alarmId).query(Long.class).optional();
    }

    @Test
    void aHandedOverAlarmOpensAFollowUpIncidentAtItsPlaceByTheOperatorOnceOnly() {
        long alarmId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        double[] place = IncidentFixtures.lonelyPlace();
        AlarmHandedToIncident handed = new AlarmHandedToIncident(alarmId, "panic", Instant.parse("2026-06-01T03:00:00Z"),
                List.of(987_654_321L), place[0], place[1], "pressed at the gate", "operator-h",
                Instant.parse("2026-06-01T03:01:00Z"));

        transaction.executeWithoutResult(status -> events.publishEvent(handed));
        Await.until(Duration.ofSeconds(20), () -> incidentOf(alarmId).isPresent());
        transaction.executeWithoutResult(status -> events.publishEvent(handed));

        IncidentRow row = incidents.row(incidentOf(alarmId).orElseThrow());
        IncidentView incident = row.view();
        assertThat(incident.typeCode()).isEqualTo("ALARM_FOLLOW_UP");
        assertThat(incident.priority()).isEqualTo(3);
        assertThat(incident.latitude()).isEqualTo(place[0]);
        assertThat(incident.longitude()).isEqualTo(place[1]);
        assertThat(incident.summary()).isEqualTo("Alarm panic: pressed at the gate");
        assertThat(row.createdBy()).isEqualTo("operator-h");
        assertThat(row.alarmId()).isEqualTo(alarmId);
        assertThat(incidents.narrative(incident.id())).anySatisfy(entry -> {
            assertThat(entry.kind()).isEqualTo(LogEntry.Kind.ALARM);
            assertThat(entry.text()).contains("From alarm " + alarmId).contains("#987654321");
        });
        Await.until(Duration.ofSeconds(20), () -> jdbc.sql("""
                SELECT count(*) = 0 FROM event_publication
                WHERE completion_date IS NULL AND serialized_event LIKE ?""")
                .param("%" + alarmId + "%").query(Boolean.class).single());
        assertThat(jdbc.sql("SELECT count(*) FROM incidents WHERE alarm_id = ?").param(alarmId)
                .query(Integer.class).single()).isEqualTo(1);
    }
}

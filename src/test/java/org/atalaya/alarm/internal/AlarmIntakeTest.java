package org.atalaya.alarm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.atalaya.alarm.AlarmIntake;
import org.atalaya.alarm.AlarmProperties;
import org.atalaya.alarm.AlarmSignal;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Signals enter the queue once per deduplication key, floods fold, and new alarms are audited. */
@AtalayaTest
class AlarmIntakeTest {

    @Autowired
    AlarmIntake intake;

    @Autowired
    AlarmQueries queries;

    @Autowired
    AlarmProperties properties;

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
    void aBurstOfOneThousandSignalsWithOneKeyFromEightThreadsIsOneAlarm() throws Exception {
        String source = AlarmFixtures.name("burst");
        Instant base = Instant.parse("2026-03-01T12:00:00Z");
        List<Future<Long>> raised = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 1000; i++) {
                Instant at = base.plusMillis((i * 7919L) % 1000 * 10);
                raised.add(threads.submit(() -> intake.raise(AlarmFixtures.signal("sensor", source, at))));
            }
        }
        List<Long> ids = new ArrayList<>();
        for (Future<Long> id : raised) ids.add(id.get());

        assertThat(ids).containsOnly(ids.getFirst());
        AlarmView alarm = queries.find(ids.getFirst()).orElseThrow();
        assertThat(alarm.count()).isEqualTo(1000);
        assertThat(alarm.firstAt()).isEqualTo(base);
        assertThat(alarm.lastAt()).isEqualTo(base.plusMillis(9990));
        assertThat(alarm.state()).isEqualTo("new");
        assertThat(fixtures.auditEntries("alarm.raised", alarm.id())).isEqualTo(1);
        assertThat(fixtures.alarmsFrom(source)).hasSize(1);
    }

    @Test
    void theDefaultKeyIsTypeAndSourceAndAnExplicitKeySeparates() {
        String source = AlarmFixtures.name("keys");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long first = intake.raise(AlarmFixtures.signal("sensor", source, at));
        long same = intake.raise(AlarmFixtures.signal("sensor", source, at.plusSeconds(1)));
        long otherType = intake.raise(AlarmFixtures.signal("panic", source, at));
        long ownKey = intake.raise(new AlarmSignal("sensor", source, "door-7", at, List.of(), null, null, null));

        assertThat(same).isEqualTo(first);
        assertThat(otherType).isNotEqualTo(first);
        assertThat(ownKey).isNotIn(first, otherType);
        assertThat(jdbc.sql("SELECT dedup_key FROM alarm WHERE id = ?").param(first).query(String.class).single())
                .isEqualTo("sensor:" + source);
    }

    @Test
    void anUnknownTypeIsRefused() {
        assertThatThrownBy(() -> intake.raise(AlarmFixtures.signal("earthquake", "test", Instant.now())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("earthquake");
    }

    @Test
    void aSourceThatOpensTooManyAlarmsHasItsFurtherSignalsFoldedIntoOneFloodAlarm() {
        String source = AlarmFixtures.name("flood");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        int threshold = properties.floodThreshold();
        for (int i = 0; i < threshold; i++) {
            intake.raise(new AlarmSignal("sensor", source, "zone-" + i, at, List.of(), null, null, null));
        }
        long flood = 0;
        for (int i = threshold; i < threshold + 5; i++) {
            flood = intake.raise(new AlarmSignal("sensor", source, "zone-" + i, at, List.of(), null, null, null));
        }

        assertThat(fixtures.alarmsFrom(source)).hasSize(threshold + 1);
        AlarmView alarm = queries.find(flood).orElseThrow();
        assertThat(alarm.count()).isEqualTo(5);
        assertThat(alarm.detail()).isEqualTo("flood: 5 signals from " + source);
        // A signal whose alarm is still open keeps folding into it, flood or not.
        long again = intake.raise(new AlarmSignal("sensor", source, "zone-0", at, List.of(), null, null, null));
        assertThat(again).isEqualTo(fixtures.alarmsFrom(source).getFirst());
    }

    @Test
    void aNewAlarmTakesItsFirstCamerasGroupAndPlace() {
        String group = fixtures.group();
        long camera = fixtures.camera(group);
        long other = fixtures.camera(fixtures.group());
        long id = intake.raise(AlarmFixtures.signal("motion", AlarmFixtures.name("camera"), Instant.now(), camera,
                other, 999_999_999L));

        AlarmView alarm = queries.find(id).orElseThrow();
        assertThat(alarm.cameraGroup()).isEqualTo(group);
        assertThat(alarm.cameras()).extracting(AlarmCamera::id).containsExactly(camera, other);
        assertThat(alarm.latitude()).isEqualTo(-24.1858);
        assertThat(alarm.priority()).isEqualTo(3);
        assertThat(alarm.sop()).isNotEmpty().allMatch(line -> !line.done());
        assertThat(queries.history(id)).extracting(HistoryEntry::action).containsExactly("raised");
    }
}

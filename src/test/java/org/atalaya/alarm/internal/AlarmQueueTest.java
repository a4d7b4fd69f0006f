package org.atalaya.alarm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.atalaya.access.Permission;
import org.atalaya.access.SignedInUser;
import org.atalaya.alarm.AlarmHandedToIncident;
import org.atalaya.alarm.AlarmIntake;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The queue as the console reads it, and the events it publishes. */
@AtalayaTest
@RecordApplicationEvents
class AlarmQueueTest {

    /** A user holding permissions for some camera groups; the key {@code null} stands for every group. */
    record TestUser(String username, Map<String, Set<Permission>> grants) implements SignedInUser {

        @Override
        public String displayName() {
            return username;
        }

        @Override
        public boolean can(Permission permission) {
            return grants.values().stream().anyMatch(granted -> granted.contains(permission));
        }

        @Override
        public boolean can(Permission permission, String cameraGroup) {
            return grants.entrySet().stream().anyMatch(grant -> grant.getValue().contains(permission)
                    && (grant.getKey() == null || grant.getKey().equals(cameraGroup)));
        }

        @Override
        public Set<Permission> permissions() {
            return grants.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        }
    }

    @Autowired
    AlarmIntake intake;

    @Autowired
    AlarmActions actions;

    @Autowired
    AlarmQueries queries;

    @Autowired
    ApplicationEvents events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @LocalServerPort
    int port;

    AlarmFixtures fixtures;
    String group;
    long camera;
    TestUser operator;

    @BeforeEach
    void setUp() {
        fixtures = new AlarmFixtures(jdbc, accounts, port);
        group = fixtures.group();
        camera = fixtures.camera(group);
        operator = new TestUser(fixtures.user(group, "ALARM_VIEW", "ALARM_HANDLE"),
                Map.of(group, Set.of(Permission.ALARM_VIEW, Permission.ALARM_HANDLE)));
    }

    @Test
    void anIncidentRequestHandsTheAlarmOverOnceWithItsFacts() {
        Instant at = Instant.parse("2026-05-01T08:00:00Z");
        long id = intake.raise(AlarmFixtures.signal("panic", AlarmFixtures.name("incident"), at, camera));

        actions.requestIncident(id, operator);
        assertThatThrownBy(() -> actions.requestIncident(id, operator)).isInstanceOf(AlarmProblem.class)
                .hasMessageContaining("already requested");

        assertThat(events.stream(AlarmHandedToIncident.class).filter(event -> event.alarmId() == id))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.type()).isEqualTo("panic");
                    assertThat(event.firstAt()).isEqualTo(at);
                    assertThat(event.cameraIds()).containsExactly(camera);
                    assertThat(event.latitude()).isEqualTo(-24.1858);
                    assertThat(event.by()).isEqualTo(operator.username());
                });
    }

    @Test
    void everyChangeTellsTheConsoleOnceCommitted() {
        long id = intake.raise(AlarmFixtures.signal("sensor", AlarmFixtures.name("updates"), Instant.now(), camera));
        intake.raise(AlarmFixtures.signal("sensor", queries.find(id).orElseThrow().source(), Instant.now(), camera));
        actions.acknowledge(id, operator);
        assertThatThrownBy(() -> actions.acknowledge(id, operator)).isInstanceOf(AlarmProblem.class);

        assertThat(events.stream(AlarmUpdated.class).filter(event -> event.alarmId() == id)).hasSize(3);
    }

    @Test
    void theQueueShowsEachUserTheAlarmsOfTheirGroupsAndClosedOnesMostRecentFirst() {
        long first = intake.raise(AlarmFixtures.signal("sensor", AlarmFixtures.name("queue"), Instant.now(), camera));
        long second = intake.raise(AlarmFixtures.signal("sensor", AlarmFixtures.name("queue"), Instant.now(), camera));
        var stranger = new TestUser("stranger", Map.of(fixtures.group(), Set.of(Permission.ALARM_VIEW)));
        var everywhere = new TestUser("everywhere", Collections.singletonMap(null,
                Set.of(Permission.ALARM_VIEW)));
        AlarmView alarm = queries.find(first).orElseThrow();

        assertThat(queries.visibleTo(alarm, operator)).isTrue();
        assertThat(queries.visibleTo(alarm, everywhere)).isTrue();
        assertThat(queries.visibleTo(alarm, stranger)).isFalse();
        assertThat(queries.open(stranger, 1000)).extracting(AlarmView::id).doesNotContain(first, second);
        assertThat(queries.open(operator, 1000)).extracting(AlarmView::id).contains(first, second);

        actions.close(first, operator, "test", null);
        actions.close(second, operator, "duplicate", "same as " + first);
        assertThat(queries.closedRecently(operator, 2)).extracting(AlarmView::id).containsExactly(second, first);
        assertThat(queries.open(operator, 1000)).extracting(AlarmView::id).doesNotContain(first, second);
    }
}

package org.atalaya.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.atalaya.incident.IncidentOpened;
import org.atalaya.incident.IncidentStatus;
import org.atalaya.incident.IncidentStatusChanged;
import org.atalaya.incident.IncidentView;
import org.atalaya.incident.Incidents;
import org.atalaya.incident.NewIncident;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** An incident's way from new to closed or cancelled: each stage stamped once, logged, audited and published. */
@AtalayaTest
@RecordApplicationEvents
class IncidentLifecycleTest {

    static final Instant CALL = Instant.parse("2026-03-02T10:00:00Z");

    @Autowired
    Incidents incidents;

    @Autowired
    IncidentService service;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    IncidentFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new IncidentFixtures(jdbc);
    }

    private List<Object> heardAbout(long id) {
        return events.stream().map(event -> event instanceof PayloadApplicationEvent<?> payload
                        ? payload.getPayload() : event)
                .filter(event -> switch (event) {
                    case IncidentOpened opened -> opened.incidentId() == id;
                    case IncidentStatusChanged changed -> changed.incidentId() == id;
                    default -> false;
                }).toList();
    }

    @Test
    void anIncidentOpensNewWithTheTypesPriorityANumberAndTheCallTimes() {
        IncidentView opened = incidents.open(IncidentFixtures.report("FIRE_STRUCTURE", IncidentFixtures.lonelyPlace(),
                CALL), "calltaker-a");

        assertThat(opened.number()).matches("INC-\\d{4}-\\d{6}");
        assertThat(opened.status()).isEqualTo(IncidentStatus.NEW);
        assertThat(opened.priority()).isEqualTo(1);
        assertThat(opened.callOfferedAt()).isEqualTo(CALL);
        assertThat(opened.callAnsweredAt()).isEqualTo(CALL.plusSeconds(5));
        assertThat(opened.createdAt()).isNotNull();
        assertThat(incidents.active()).extracting(IncidentView::id).contains(opened.id());
        assertThat(fixtures.auditActions(opened.number())).containsExactly("incident.opened");
        assertThat(heardAbout(opened.id())).singleElement().isInstanceOfSatisfying(IncidentOpened.class,
                event -> assertThat(event.by()).isEqualTo("calltaker-a"));
        assertThat(service.narrative(opened.id())).singleElement()
                .satisfies(entry -> assertThat(entry.toStatus()).isEqualTo(IncidentStatus.NEW));
    }

    @Test
    void stagesAreReachedInOrderOnceEachAndTheStampsAreTheGivenInstants() {
        IncidentView opened = incidents.open(IncidentFixtures.report("ROBBERY", IncidentFixtures.lonelyPlace(), CALL),
                "calltaker-b");
        long id = opened.id();

        incidents.advance(id, IncidentStatus.DISPATCHED, CALL.plusSeconds(60), "dispatcher-b");
        incidents.advance(id, IncidentStatus.DISPATCHED, CALL.plusSeconds(90), "dispatcher-b");
        incidents.advance(id, IncidentStatus.EN_ROUTE, CALL.plusSeconds(120), "unit-7");
        IncidentView onScene = incidents.advance(id, IncidentStatus.ON_SCENE, CALL.plusSeconds(600), "unit-7");
        IncidentView again = incidents.advance(id, IncidentStatus.EN_ROUTE, CALL.plusSeconds(700), "unit-8");

        assertThat(onScene.status()).isEqualTo(IncidentStatus.ON_SCENE);
        assertThat(onScene.dispatchedAt()).isEqualTo(CALL.plusSeconds(60));
        assertThat(onScene.enRouteAt()).isEqualTo(CALL.plusSeconds(120));
        assertThat(onScene.onSceneAt()).isEqualTo(CALL.plusSeconds(600));
        assertThat(again).isEqualTo(onScene);
        assertThat(fixtures.auditActions(opened.number())).containsExactly("incident.opened", "incident.status",
                "incident.status", "incident.status");
        assertThat(heardAbout(id)).hasSize(4).last().isInstanceOfSatisfying(IncidentStatusChanged.class, event -> {
            assertThat(event.from()).isEqualTo(IncidentStatus.EN_ROUTE);
            assertThat(event.to()).isEqualTo(IncidentStatus.ON_SCENE);
            assertThat(event.at()).isEqualTo(CALL.plusSeconds(600));
        });
        assertThat(service.narrative(id)).extracting(LogEntry::toStatus).containsExactly(IncidentStatus.NEW,
                IncidentStatus.DISPATCHED, IncidentStatus.EN_ROUTE, IncidentStatus.ON_SCENE);
    }

    @Test
    void aUnitGoingStraightOnSceneLeavesTheSkippedStagesUnstamped() {
        long id = incidents.open(IncidentFixtures.report("MEDICAL_EMERGENCY", IncidentFixtures.lonelyPlace(), CALL),
                "calltaker-c").id();

        IncidentView onScene = incidents.advance(id, IncidentStatus.ON_SCENE, CALL.plusSeconds(30), "unit-3");

        assertThat(onScene.status()).isEqualTo(IncidentStatus.ON_SCENE);
        assertThat(onScene.dispatchedAt()).isNull();
        assertThat(onScene.enRouteAt()).isNull();
        assertThat(onScene.onSceneAt()).isEqualTo(CALL.plusSeconds(30));
        assertThat(incidents.advance(id, IncidentStatus.DISPATCHED, CALL.plusSeconds(40), "unit-4").dispatchedAt())
                .isNull();
    }

    @Test
    void closingNeedsAnOutcomeEndsTheIncidentAndLaterAdvancesAreIgnored() {
        IncidentView opened = incidents.open(IncidentFixtures.report("BURGLARY", IncidentFixtures.lonelyPlace(), CALL),
                "calltaker-d");
        long id = opened.id();

        assertThatThrownBy(() -> service.close(id, "  ", "dispatcher-d")).hasMessageContaining("outcome");
        IncidentView closed = service.close(id, "Nobody found; door secured", "dispatcher-d");

        assertThat(closed.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(closed.endedAt()).isNotNull();
        assertThat(service.row(id).outcome()).isEqualTo("Nobody found; door secured");
        assertThat(incidents.active()).extracting(IncidentView::id).doesNotContain(id);
        assertThat(incidents.advance(id, IncidentStatus.ON_SCENE, CALL.plusSeconds(900), "unit-1")).isEqualTo(closed);
        assertThatThrownBy(() -> service.cancel(id, "prank", "dispatcher-d")).hasMessageContaining("already ended");
        assertThat(fixtures.auditActions(opened.number())).containsExactly("incident.opened", "incident.closed");
        assertThat(heardAbout(id)).last().isInstanceOfSatisfying(IncidentStatusChanged.class,
                event -> assertThat(event.to()).isEqualTo(IncidentStatus.CLOSED));
    }

    @Test
    void cancellingNeedsAReasonAndIsAuditedAndPublished() {
        IncidentView opened = incidents.open(IncidentFixtures.report("DISTURBANCE", IncidentFixtures.lonelyPlace(),
                CALL), "calltaker-e");
        long id = opened.id();
        incidents.advance(id, IncidentStatus.DISPATCHED, CALL.plusSeconds(50), "dispatcher-e");

        assertThatThrownBy(() -> service.cancel(id, null, "dispatcher-e")).hasMessageContaining("reason");
        IncidentView cancelled = service.cancel(id, "Prank call", "dispatcher-e");

        assertThat(cancelled.status()).isEqualTo(IncidentStatus.CANCELLED);
        assertThat(fixtures.auditActions(opened.number())).containsExactly("incident.opened", "incident.status",
                "incident.cancelled");
        assertThat(heardAbout(id)).last().isInstanceOfSatisfying(IncidentStatusChanged.class, event -> {
            assertThat(event.from()).isEqualTo(IncidentStatus.DISPATCHED);
            assertThat(event.to()).isEqualTo(IncidentStatus.CANCELLED);
        });
    }

    @Test
    void notesAreAddedToTheNarrativeAndAudited() {
        IncidentView opened = incidents.open(IncidentFixtures.report("FLOOD", IncidentFixtures.lonelyPlace(), CALL),
                "calltaker-f");

        incidents.log(opened.id(), "Water up to the knees", "calltaker-f");

        assertThatThrownBy(() -> incidents.log(opened.id(), " ", "calltaker-f"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(service.narrative(opened.id())).last().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(LogEntry.Kind.NOTE);
            assertThat(entry.text()).isEqualTo("Water up to the knees");
            assertThat(entry.author()).isEqualTo("calltaker-f");
        });
        assertThat(fixtures.auditActions(opened.number())).containsExactly("incident.opened", "incident.note");
    }

    @Test
    void anInvalidReportIsRefusedInWords() {
        double[] place = IncidentFixtures.lonelyPlace();
        assertThatThrownBy(() -> incidents.open(new NewIncident("NO_SUCH_TYPE", null, place[0], place[1], null, null,
                null, null, null), "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no incident type NO_SUCH_TYPE");
        assertThatThrownBy(() -> incidents.open(new NewIncident("OTHER", 9, place[0], place[1], null, null,
                null, null, null), "x")).hasMessageContaining("priority");
        assertThatThrownBy(() -> incidents.open(new NewIncident("OTHER", null, 91.0, place[1], null, null,
                null, null, null), "x")).hasMessageContaining("latitude");
        assertThatThrownBy(() -> incidents.open(new NewIncident("OTHER", null, place[0], null, null, null,
                null, null, null), "x")).hasMessageContaining("both latitude and longitude");
    }

    @Test
    void openedBetweenListsByCreationTime() {
        IncidentView opened = incidents.open(IncidentFixtures.report("OTHER", IncidentFixtures.lonelyPlace(), null),
                "calltaker-g");

        assertThat(incidents.openedBetween(opened.createdAt(), opened.createdAt().plusMillis(1)))
                .extracting(IncidentView::id).contains(opened.id());
        assertThat(incidents.openedBetween(opened.createdAt().minusSeconds(60), opened.createdAt()))
                .extracting(IncidentView::id).doesNotContain(opened.id());
    }
}

package org.atalaya.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.atalaya.dispatch.AgencyKind;
import org.atalaya.dispatch.AssignmentTimes;
import org.atalaya.dispatch.UnitStatus;
import org.atalaya.dispatch.UnitView;
import org.atalaya.dispatch.internal.DispatchService.AssignmentRow;
import org.atalaya.incident.IncidentStatus;
import org.atalaya.incident.IncidentStatusChanged;
import org.atalaya.incident.IncidentView;
import org.atalaya.incident.Incidents;
import org.atalaya.incident.IncidentsMerged;
import org.atalaya.test.Await;
import org.atalaya.test.AtalayaTest;
import org.atalaya.tracking.UnitPositions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A unit's way through an assignment: dispatched, en route, on scene, cleared; each stage time-stamped and moving the
 * incident along; the changes that make no sense refused; out of service only from and to available; and what
 * happens to the units when their incident ends or is merged into another.
 */
@AtalayaTest
class UnitStatusTest {

    private static final Duration LISTENER_WAIT = Duration.ofSeconds(20);

    @Autowired
    Fleet fleet;
    @Autowired
    Incidents incidents;
    @Autowired
    UnitPositions positions;
    @Autowired
    DispatchService dispatch;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;

    private DispatchFixtures fixtures;
    private long police;

    @BeforeEach
    void agency() {
        fixtures = new DispatchFixtures(fleet, incidents, positions);
        police = fixtures.agency(AgencyKind.POLICE);
    }

    @Test
    void aUnitGoesDispatchedEnRouteOnSceneAndIsClearedWithEveryStageTimeStamped() {
        UnitView unit = fixtures.unit(police, "patrol");
        IncidentView incident = fixtures.incident("ROBBERY", -24.18, -65.30);

        List<UnitView> assigned = dispatch.assign(incident.id(), List.of(unit.id()), "dispatcher-a");
        assertThat(assigned.getFirst().status()).isEqualTo(UnitStatus.DISPATCHED);
        assertThat(assigned.getFirst().incidentId()).isEqualTo(incident.id());
        IncidentView dispatched = incidents.find(incident.id()).orElseThrow();
        assertThat(dispatched.status()).isEqualTo(IncidentStatus.DISPATCHED);
        assertThat(dispatched.dispatchedAt()).isNotNull();

        assertThat(dispatch.changeStatus(unit.id(), UnitStatus.EN_ROUTE, "crew").status())
                .isEqualTo(UnitStatus.EN_ROUTE);
        assertThat(incidents.find(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.EN_ROUTE);
        dispatch.changeStatus(unit.id(), UnitStatus.ON_SCENE, "crew");
        IncidentView onScene = incidents.find(incident.id()).orElseThrow();
        assertThat(onScene.status()).isEqualTo(IncidentStatus.ON_SCENE);
        assertThat(onScene.onSceneAt()).isNotNull();

        UnitView cleared = dispatch.changeStatus(unit.id(), UnitStatus.AVAILABLE, "crew");
        assertThat(cleared.status()).isEqualTo(UnitStatus.AVAILABLE);
        assertThat(cleared.incidentId()).isNull();

        AssignmentRow row = dispatch.assignmentsOf(incident.id()).getFirst();
        assertThat(row.dispatchedBy()).isEqualTo("dispatcher-a");
        assertThat(List.of(row.dispatchedAt(), row.enRouteAt(), row.onSceneAt(), row.clearedAt()))
                .doesNotContainNull().isSorted();
        assertThat(row.clearedReason()).isEqualTo("cleared by the unit");
        List<AssignmentTimes> times = dispatch.ofIncidents(List.of(incident.id()));
        assertThat(times).singleElement().satisfies(time -> {
            assertThat(time.unitId()).isEqualTo(unit.id());
            assertThat(time.agencyKind()).isEqualTo(AgencyKind.POLICE);
            assertThat(time.onSceneAt()).isEqualTo(row.onSceneAt());
        });
        assertThat(audited(unit, "unit.assigned")).isEqualTo(1);
        assertThat(audited(unit, "unit.status")).isEqualTo(3);
    }

    @Test
    void changesThatMakeNoSenseAreRefused() {
        UnitView unit = fixtures.unit(police, "patrol");
        assertThatThrownBy(() -> dispatch.changeStatus(unit.id(), UnitStatus.EN_ROUTE, "crew"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no incident");
        assertThatThrownBy(() -> dispatch.changeStatus(unit.id(), UnitStatus.DISPATCHED, "crew"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("assigning it");

        IncidentView incident = fixtures.incident("ROBBERY", -24.18, -65.30);
        dispatch.assign(incident.id(), List.of(unit.id()), "dispatcher");
        dispatch.changeStatus(unit.id(), UnitStatus.ON_SCENE, "crew");
        assertThatThrownBy(() -> dispatch.changeStatus(unit.id(), UnitStatus.EN_ROUTE, "crew"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot go back");
        assertThat(dispatch.find(unit.id()).orElseThrow().status()).isEqualTo(UnitStatus.ON_SCENE);

        assertThatThrownBy(() -> dispatch.assign(incident.id(), List.of(unit.id()), "dispatcher"))
                .isInstanceOf(DispatchProblem.class).hasMessage(unit.callSign() + " is already on "
                        + incident.number() + ".");
    }

    @Test
    void outOfServiceOnlyFromAndToAvailableReleasingAnAssignmentFirst() {
        UnitView unit = fixtures.unit(police, "patrol");
        assertThat(dispatch.changeStatus(unit.id(), UnitStatus.OUT_OF_SERVICE, "crew").status())
                .isEqualTo(UnitStatus.OUT_OF_SERVICE);
        assertThatThrownBy(() -> dispatch.changeStatus(unit.id(), UnitStatus.ON_SCENE, "crew"))
                .isInstanceOf(IllegalArgumentException.class);
        IncidentView incident = fixtures.incident("ROBBERY", -24.18, -65.30);
        assertThatThrownBy(() -> dispatch.assign(incident.id(), List.of(unit.id()), "dispatcher"))
                .isInstanceOf(DispatchProblem.class).hasMessage(unit.callSign() + " is out of service.");
        assertThat(dispatch.changeStatus(unit.id(), UnitStatus.AVAILABLE, "crew").status())
                .isEqualTo(UnitStatus.AVAILABLE);

        dispatch.assign(incident.id(), List.of(unit.id()), "dispatcher");
        dispatch.changeStatus(unit.id(), UnitStatus.EN_ROUTE, "crew");
        UnitView broken = dispatch.changeStatus(unit.id(), UnitStatus.OUT_OF_SERVICE, "crew");
        assertThat(broken.status()).isEqualTo(UnitStatus.OUT_OF_SERVICE);
        assertThat(broken.incidentId()).isNull();
        assertThat(dispatch.assignmentsOf(incident.id()).getFirst().clearedReason()).isEqualTo("unit out of service");
    }

    @Test
    void assigningSeveralUnitsIsAllOrNothing() {
        UnitView free = fixtures.unit(police, "patrol");
        UnitView busy = fixtures.unit(police, "patrol");
        IncidentView first = fixtures.incident("ROBBERY", -24.18, -65.30);
        IncidentView second = fixtures.incident("ROBBERY", -24.19, -65.30);
        dispatch.assign(first.id(), List.of(busy.id()), "dispatcher");

        assertThatThrownBy(() -> dispatch.assign(second.id(), List.of(free.id(), busy.id()), "dispatcher"))
                .isInstanceOf(DispatchProblem.class);

        assertThat(dispatch.find(free.id()).orElseThrow().status()).isEqualTo(UnitStatus.AVAILABLE);
        assertThat(dispatch.assignmentsOf(second.id())).isEmpty();
        assertThat(incidents.find(second.id()).orElseThrow().status()).isEqualTo(IncidentStatus.NEW);
    }

    @Test
    void releasingMakesTheUnitAvailableAgain() {
        UnitView unit = fixtures.unit(police, "patrol");
        IncidentView incident = fixtures.incident("ROBBERY", -24.18, -65.30);
        dispatch.assign(incident.id(), List.of(unit.id()), "dispatcher");

        assertThat(dispatch.release(incident.id(), unit.id(), "dispatcher").status()).isEqualTo(UnitStatus.AVAILABLE);
        assertThat(dispatch.assignmentsOf(incident.id()).getFirst().clearedReason())
                .isEqualTo("released by the dispatcher");
        assertThatThrownBy(() -> dispatch.release(incident.id(), unit.id(), "dispatcher"))
                .isInstanceOf(DispatchProblem.class).hasMessageContaining("is not assigned to");
        assertThat(audited(unit, "unit.released")).isEqualTo(1);
    }

    @Test
    void whenTheIncidentEndsItsUnitsAreCleared() {
        UnitView first = fixtures.unit(police, "patrol");
        UnitView second = fixtures.unit(police, "patrol");
        IncidentView incident = fixtures.incident("ROBBERY", -24.18, -65.30);
        dispatch.assign(incident.id(), List.of(first.id(), second.id()), "dispatcher");
        dispatch.changeStatus(first.id(), UnitStatus.ON_SCENE, "crew");

        publish(new IncidentStatusChanged(incident.id(), incident.number(), IncidentStatus.ON_SCENE,
                IncidentStatus.CLOSED, Instant.now(), "supervisor"));

        Await.until(LISTENER_WAIT, () -> dispatch.find(first.id()).orElseThrow().status() == UnitStatus.AVAILABLE
                && dispatch.find(second.id()).orElseThrow().status() == UnitStatus.AVAILABLE);
        assertThat(dispatch.assignmentsOf(incident.id())).allSatisfy(row -> {
            assertThat(row.clearedAt()).isNotNull();
            assertThat(row.clearedReason()).isEqualTo("incident closed");
        });
    }

    @Test
    void whenAnIncidentIsMergedItsUnitsWorkTheSurvivor() {
        UnitView unit = fixtures.unit(police, "patrol");
        IncidentView duplicate = fixtures.incident("ROBBERY", -24.18, -65.30);
        IncidentView survivor = fixtures.incident("ROBBERY", -24.18, -65.30);
        dispatch.assign(duplicate.id(), List.of(unit.id()), "dispatcher");
        dispatch.changeStatus(unit.id(), UnitStatus.EN_ROUTE, "crew");

        publish(new IncidentsMerged(duplicate.id(), survivor.id(), Instant.now(), "supervisor"));

        Await.until(LISTENER_WAIT, () -> survivor.id() == orZero(dispatch.find(unit.id()).orElseThrow().incidentId()));
        assertThat(dispatch.find(unit.id()).orElseThrow().status()).isEqualTo(UnitStatus.EN_ROUTE);
        AssignmentRow moved = dispatch.assignmentsOf(survivor.id()).getFirst();
        assertThat(moved.enRouteAt()).isNotNull();
        assertThat(moved.clearedAt()).isNull();
        assertThat(dispatch.assignmentsOf(duplicate.id())).isEmpty();
        assertThat(incidents.find(survivor.id()).orElseThrow().status()).isEqualTo(IncidentStatus.DISPATCHED);
    }

    private void publish(Object event) {
        transaction.executeWithoutResult(status -> events.publishEvent(event));
    }

    private static long orZero(Long id) {
        return id == null ? 0 : id;
    }

    private int audited(UnitView unit, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND target = ?").param(action)
                .param("unit:" + unit.callSign()).query(Integer.class).single();
    }
}

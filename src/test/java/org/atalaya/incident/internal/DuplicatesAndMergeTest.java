package org.atalaya.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.atalaya.incident.IncidentStatus;
import org.atalaya.incident.IncidentView;
import org.atalaya.incident.Incidents;
import org.atalaya.incident.IncidentsMerged;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Open incidents of a similar type near in place and time are offered as duplicates, and can be merged. */
@AtalayaTest
@RecordApplicationEvents
class DuplicatesAndMergeTest {

    static final Instant CALL = Instant.parse("2026-05-10T22:00:00Z");

    @Autowired
    Incidents incidents;

    @Autowired
    IncidentService service;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    IncidentFixtures fixtures;
    double[] place;

    @BeforeEach
    void setUp() {
        fixtures = new IncidentFixtures(jdbc);
        place = IncidentFixtures.lonelyPlace();
    }

    private IncidentView open(String type, double[] where, Instant offeredAt) {
        return incidents.open(IncidentFixtures.report(type, where, offeredAt), "calltaker");
    }

    @Test
    void anOpenIncidentOfTheSameFamilyNearbyAndRecentIsAPossibleDuplicate() {
        IncidentView first = open("FIRE_STRUCTURE", place, CALL);

        double[] near = IncidentFixtures.north(place, 250);
        assertThat(incidents.possibleDuplicates("FIRE_STRUCTURE", near[0], near[1], CALL.plusSeconds(600)))
                .extracting(IncidentView::id).containsExactly(first.id());
        assertThat(incidents.possibleDuplicates("FIRE_VEHICLE", near[0], near[1], CALL.minusSeconds(600)))
                .extracting(IncidentView::id).containsExactly(first.id());
    }

    @Test
    void anotherFamilyOrAFarPlaceOrAnotherTimeIsNoDuplicate() {
        open("FIRE_STRUCTURE", place, CALL);

        double[] far = IncidentFixtures.north(place, 350);
        assertThat(incidents.possibleDuplicates("TRAFFIC_COLLISION", place[0], place[1], CALL)).isEmpty();
        assertThat(incidents.possibleDuplicates("FIRE_STRUCTURE", far[0], far[1], CALL)).isEmpty();
        assertThat(incidents.possibleDuplicates("FIRE_STRUCTURE", place[0], place[1],
                CALL.plus(Duration.ofMinutes(31)))).isEmpty();
        assertThat(incidents.possibleDuplicates("FIRE_STRUCTURE", null, null, CALL)).isEmpty();
    }

    @Test
    void anEndedIncidentIsNoDuplicate() {
        IncidentView first = open("GAS_LEAK", place, CALL);
        service.close(first.id(), "Valve closed", "dispatcher");

        assertThat(incidents.possibleDuplicates("GAS_LEAK", place[0], place[1], CALL)).isEmpty();
    }

    @Test
    void duplicatesOfAnIncidentLeaveItselfOutAndComeNearestFirst() {
        IncidentView first = open("ASSAULT", IncidentFixtures.north(place, 200), CALL);
        IncidentView second = open("ASSAULT", IncidentFixtures.north(place, 50), CALL.plusSeconds(60));
        IncidentView third = open("ASSAULT", place, CALL.plusSeconds(120));

        assertThat(service.duplicatesOf(third.id())).extracting(IncidentView::id)
                .containsExactly(second.id(), first.id());
    }

    @Test
    void mergingCancelsTheDuplicateCopiesItsNarrativeKeepsTheEarliestCallAndIsPublished() {
        IncidentView survivor = open("TRAFFIC_COLLISION", place, CALL.plusSeconds(90));
        IncidentView duplicate = open("TRAFFIC_COLLISION_INJURIES", IncidentFixtures.north(place, 40), CALL);
        incidents.log(duplicate.id(), "Two cars, one person trapped", "calltaker-2");

        IncidentView merged = service.merge(duplicate.id(), survivor.id(), "dispatcher-m");

        assertThat(merged.id()).isEqualTo(survivor.id());
        assertThat(merged.callOfferedAt()).isEqualTo(CALL);
        assertThat(merged.callAnsweredAt()).isEqualTo(CALL.plusSeconds(5));
        IncidentView cancelled = incidents.find(duplicate.id()).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(IncidentStatus.CANCELLED);
        assertThat(cancelled.mergedInto()).isEqualTo(survivor.id());
        assertThat(service.narrative(survivor.id())).anySatisfy(entry -> {
            assertThat(entry.text()).isEqualTo("Two cars, one person trapped");
            assertThat(entry.copiedFrom()).isEqualTo(duplicate.number());
        }).anySatisfy(entry -> assertThat(entry.kind()).isEqualTo(LogEntry.Kind.MERGE));
        assertThat(events.stream(IncidentsMerged.class).filter(event -> event.duplicateId() == duplicate.id()))
                .singleElement().satisfies(event -> {
                    assertThat(event.survivorId()).isEqualTo(survivor.id());
                    assertThat(event.by()).isEqualTo("dispatcher-m");
                });
        assertThat(fixtures.auditActions(duplicate.number())).endsWith("incident.merged");
    }

    @Test
    void mergingIntoItselfIntoAnEndedIncidentOrAnEndedDuplicateIsRefused() {
        IncidentView one = open("RESCUE", place, CALL);
        IncidentView ended = open("RESCUE", place, CALL);
        service.close(ended.id(), "Person rescued", "dispatcher");

        assertThatThrownBy(() -> service.merge(one.id(), one.id(), "dispatcher")).hasMessageContaining("itself");
        assertThatThrownBy(() -> service.merge(one.id(), ended.id(), "dispatcher"))
                .hasMessageContaining("nothing can be merged into it");
        assertThatThrownBy(() -> service.merge(ended.id(), one.id(), "dispatcher"))
                .hasMessageContaining("already ended");
        assertThat(incidents.find(one.id()).orElseThrow().status()).isEqualTo(IncidentStatus.NEW);
    }
}

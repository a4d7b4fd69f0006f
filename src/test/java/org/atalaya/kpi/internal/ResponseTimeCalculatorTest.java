package org.atalaya.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atalaya.kpi.internal.KpiFixtures.abandonedCall;
import static org.atalaya.kpi.internal.KpiFixtures.answeredCall;
import static org.atalaya.kpi.internal.KpiFixtures.assignment;
import static org.atalaya.kpi.internal.KpiFixtures.incident;
import static org.atalaya.kpi.internal.KpiFixtures.incidentWithoutCall;
import static org.atalaya.kpi.internal.KpiFixtures.merged;
import static org.atalaya.kpi.internal.KpiFixtures.ringingCall;
import static org.atalaya.kpi.internal.KpiFixtures.typedInCall;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.dispatch.AgencyKind;
import org.atalaya.dispatch.AssignmentTimes;
import org.atalaya.incident.IncidentView;
import org.atalaya.intake.CallTimes;
import org.atalaya.kpi.internal.ResponseTimeReport.Breakdown;
import org.junit.jupiter.api.Test;

class ResponseTimeCalculatorTest {

    private static final ZoneId JUJUY = ZoneId.of("America/Argentina/Jujuy");
    private static final ReportPeriod WEEK = new ReportPeriod(LocalDate.of(2026, 11, 14), LocalDate.of(2026, 11, 20), JUJUY);

    private final ResponseTimeCalculator calculator = new ResponseTimeCalculator(Targets.standard());

    private ResponseTimeReport report(List<CallTimes> calls, List<IncidentView> incidents,
                                      List<AssignmentTimes> assignments) {
        return calculator.calculate(WEEK, new ResponseTimeData(calls, incidents, assignments));
    }

    private static List<CallTimes> callsAnsweredAfter(double... seconds) {
        List<CallTimes> calls = new ArrayList<>();
        for (int i = 0; i < seconds.length; i++) {
            calls.add(answeredCall(i + 1, i * 100, i * 100 + seconds[i], null));
        }
        return calls;
    }

    @Test
    void percentilesAreNearestRankAndAlwaysOneOfTheMeasuredTimes() {
        var stats = report(callsAnsweredAfter(10, 1, 9, 2, 8, 3, 7, 4, 6, 5), List.of(), List.of())
                .overall().get(Measure.ANSWER);

        assertThat(stats.count()).isEqualTo(10);
        assertThat(stats.p50()).as("rank ceil(0.5 x 10) = 5").isEqualTo(Duration.ofSeconds(5));
        assertThat(stats.p90()).as("rank ceil(0.9 x 10) = 9").isEqualTo(Duration.ofSeconds(9));

        var three = report(callsAnsweredAfter(1, 2, 30), List.of(), List.of()).overall().get(Measure.ANSWER);
        assertThat(three.p50()).as("rank ceil(1.5) = 2").isEqualTo(Duration.ofSeconds(2));
        assertThat(three.p90()).as("rank ceil(2.7) = 3").isEqualTo(Duration.ofSeconds(30));

        var one = report(callsAnsweredAfter(12.5), List.of(), List.of()).overall().get(Measure.ANSWER);
        assertThat(one.p50()).isEqualTo(Duration.ofMillis(12_500));
        assertThat(one.p90()).isEqualTo(Duration.ofMillis(12_500));
    }

    @Test
    void answerTimesAreJudgedAgainstFifteenSecondsForNinetyPercent() {
        var nineOfTen = report(callsAnsweredAfter(3, 5, 8, 10, 12, 14, 15, 15, 11, 16), List.of(), List.of())
                .overall().get(Measure.ANSWER);
        assertThat(nineOfTen.withinTarget()).as("15 s exactly is within").isEqualTo(9);
        assertThat(nineOfTen.share()).isEqualTo(0.9);
        assertThat(nineOfTen.target()).isEqualTo(Duration.ofSeconds(15));
        assertThat(nineOfTen.met()).isTrue();

        var eightOfTen = report(callsAnsweredAfter(3, 5, 8, 10, 12, 14, 15, 15.001, 11, 16), List.of(), List.of())
                .overall().get(Measure.ANSWER);
        assertThat(eightOfTen.share()).isEqualTo(0.8);
        assertThat(eightOfTen.met()).isFalse();
    }

    @Test
    void abandonedRingingAndTypedInCallsAreCountedApartFromAnswerTimes() {
        var report = report(List.of(answeredCall(1, 0, 4, null), abandonedCall(2, 10), abandonedCall(3, 20),
                ringingCall(4, 30), typedInCall(5, 40, null)), List.of(), List.of());

        assertThat(report.calls()).isEqualTo(new ResponseTimeReport.CallCounts(1, 2, 1, 1));
        assertThat(report.calls().total()).isEqualTo(5);
        assertThat(report.overall().get(Measure.ANSWER).count()).isEqualTo(1);
        assertThat(report.overall().get(Measure.ANSWER).p90()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void callProcessingRunsFromTheAnsweredCallToTheFirstUnitDispatched() {
        var withCall = incident(1, "FIRE_STRUCTURE", 0);
        var fromAlarm = incidentWithoutCall(2, "FIRE_STRUCTURE", 10);
        var waiting = incident(3, "MEDICAL", 20);
        var report = report(List.of(), List.of(withCall, fromAlarm, waiting), List.of(
                assignment(1, 10, "Bomberos", AgencyKind.FIRE, 50.0, null, null),
                assignment(1, 11, "SAME", AgencyKind.EMS, 30.0, null, null),
                assignment(2, 12, "Bomberos", AgencyKind.FIRE, 40.0, null, null)));

        var processing = report.overall().get(Measure.CALL_PROCESSING);
        assertThat(processing.count()).as("the alarm's incident has no call; incident 3 no unit yet").isEqualTo(1);
        assertThat(processing.p90()).as("the first of the two dispatches").isEqualTo(Duration.ofSeconds(30));
        assertThat(processing.met()).isTrue();
        assertThat(report.incidents()).isEqualTo(new ResponseTimeReport.IncidentCounts(3, 1, 1));
        assertThat(agency(report, "SAME").measures().get(Measure.CALL_PROCESSING).count())
                .as("belongs to the agency of the first unit dispatched").isEqualTo(1);
        assertThat(report.byAgency()).extracting(Breakdown::key).as("the fire unit went to the alarm's incident")
                .containsExactly("SAME");
    }

    @Test
    void turnoutTargetsDependOnTheAgencyKind() {
        var report = report(List.of(), List.of(incident(1, "MEDICAL", 0), incident(2, "FIRE_STRUCTURE", 0)), List.of(
                assignment(1, 10, "SAME", AgencyKind.EMS, 10.0, 80.0, null),
                assignment(2, 11, "Bomberos", AgencyKind.FIRE, 10.0, 80.0, null)));

        var turnout = report.overall().get(Measure.TURNOUT);
        assertThat(turnout.count()).isEqualTo(2);
        assertThat(turnout.withinTarget()).as("70 s: late for EMS (60 s), in time for fire (80 s)").isEqualTo(1);
        assertThat(turnout.target()).as("two different targets").isNull();
        assertThat(turnout.met()).isFalse();

        var medical = agency(report, "SAME").measures().get(Measure.TURNOUT);
        assertThat(medical.target()).isEqualTo(Duration.ofSeconds(60));
        assertThat(medical.met()).isFalse();
        var fire = agency(report, "Bomberos").measures().get(Measure.TURNOUT);
        assertThat(fire.target()).isEqualTo(Duration.ofSeconds(80));
        assertThat(fire.met()).isTrue();

        var police = new Targets(Duration.ofSeconds(15), 0.9, Duration.ofSeconds(60), 0.9, Duration.ofSeconds(60),
                Duration.ofSeconds(80), 0.9, Duration.ofSeconds(240), 0.9, null, 0.9);
        assertThat(police.turnout(AgencyKind.POLICE)).isEqualTo(Duration.ofSeconds(80));
        assertThat(police.turnout(AgencyKind.CIVIL_DEFENCE)).isEqualTo(Duration.ofSeconds(80));
    }

    @Test
    void travelAndFirstOnSceneAreMeasuredFromTheirOwnStages() {
        var report = report(List.of(), List.of(incident(1, "FIRE_STRUCTURE", 0)), List.of(
                assignment(1, 10, "Bomberos", AgencyKind.FIRE, 40.0, 100.0, 400.0),
                assignment(1, 11, "Bomberos", AgencyKind.FIRE, 40.0, 90.0, 300.0),
                assignment(1, 12, "Bomberos", AgencyKind.FIRE, 45.0, null, null)));

        var travel = report.overall().get(Measure.TRAVEL);
        assertThat(travel.count()).as("the third unit never left").isEqualTo(2);
        assertThat(travel.p50()).isEqualTo(Duration.ofSeconds(210));
        assertThat(travel.p90()).isEqualTo(Duration.ofSeconds(300));
        assertThat(travel.share()).isEqualTo(0.5);

        var firstOnScene = report.overall().get(Measure.FIRST_ON_SCENE);
        assertThat(firstOnScene.count()).isEqualTo(1);
        assertThat(firstOnScene.p90()).isEqualTo(Duration.ofSeconds(300));
        assertThat(firstOnScene.share()).as("no target by default").isNull();
        assertThat(firstOnScene.met()).isNull();

        var withTarget = new ResponseTimeCalculator(new Targets(Duration.ofSeconds(15), 0.9, Duration.ofSeconds(60),
                0.9, Duration.ofSeconds(60), Duration.ofSeconds(80), 0.9, Duration.ofSeconds(240), 0.9,
                Duration.ofSeconds(480), 0.9)).calculate(WEEK, new ResponseTimeData(List.of(),
                List.of(incident(1, "FIRE_STRUCTURE", 0)),
                List.of(assignment(1, 10, "Bomberos", AgencyKind.FIRE, 40.0, 100.0, 400.0))));
        assertThat(withTarget.overall().get(Measure.FIRST_ON_SCENE).met()).isTrue();
    }

    @Test
    void anEmptyPeriodHasNoFiguresAndJudgesNothing() {
        var report = report(List.of(), List.of(), List.of());

        assertThat(report.empty()).isTrue();
        assertThat(report.overall()).hasSize(Measure.values().length);
        assertThat(report.overall().values()).allSatisfy(stats -> {
            assertThat(stats.count()).isZero();
            assertThat(stats.p90()).isNull();
            assertThat(stats.share()).isNull();
            assertThat(stats.met()).isNull();
        });
        assertThat(report.byAgency()).isEmpty();
        assertThat(report.byType()).isEmpty();
        assertThat(report.byPeriod()).as("every day, even empty").hasSize(7);
        assertThat(report.answerHistogram()).allSatisfy(bin -> assertThat(bin.count()).isZero());
    }

    @Test
    void mergedIncidentsAndTimeStampsOutOfOrderAreNotMeasured() {
        var kept = incident(1, "MEDICAL", 0);
        var joined = merged(incident(2, "MEDICAL", 5), 1);
        var report = report(List.of(), List.of(kept, joined), List.of(
                assignment(1, 10, "SAME", AgencyKind.EMS, 20.0, 15.0, 200.0),
                assignment(2, 11, "SAME", AgencyKind.EMS, 25.0, 30.0, null)));

        assertThat(report.incidents().opened()).isEqualTo(1);
        assertThat(report.overall().get(Measure.CALL_PROCESSING).count()).isEqualTo(1);
        assertThat(report.overall().get(Measure.TURNOUT).count()).as("en route before dispatch").isZero();
        assertThat(report.overall().get(Measure.TRAVEL).count()).isEqualTo(1);
    }

    @Test
    void incidentsOpenedOutsideThePeriodOnlyLendTheirTypeToCalls() {
        var older = new IncidentView(9, "INC-2026-9", "MEDICAL", 2, org.atalaya.incident.IncidentStatus.ON_SCENE,
                null, null, null, "s", null, null, Instant.parse("2026-11-01T10:00:00Z"), null, null, null, null, null);
        var report = report(List.of(answeredCall(1, 0, 6, 9L)), List.of(older), List.of());

        assertThat(report.incidents().opened()).isZero();
        assertThat(report.byType()).extracting(Breakdown::key).containsExactly("MEDICAL");
    }

    @Test
    void periodsAreDaysInTheCentresZoneOrHoursForTwoDaysOrLess() {
        var lateEvening = answeredCall(1, -12 * 3600 + 2 * 3600, -12 * 3600 + 2 * 3600 + 5, null);
        var report = report(List.of(lateEvening), List.of(), List.of());
        assertThat(lateEvening.offeredAt()).isEqualTo(Instant.parse("2026-11-20T02:00:00Z"));
        var withCall = report.byPeriod().stream().filter(row -> row.measures().get(Measure.ANSWER).count() == 1)
                .toList();
        assertThat(withCall).singleElement().extracting(ResponseTimeReport.PeriodRow::start)
                .as("23:00 on the 19th in Jujuy").isEqualTo(Instant.parse("2026-11-19T03:00:00Z"));

        var twoDays = new ReportPeriod(LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 20), JUJUY);
        var hourly = calculator.calculate(twoDays, new ResponseTimeData(List.of(lateEvening), List.of(), List.of()));
        assertThat(twoDays.hourly()).isTrue();
        assertThat(hourly.byPeriod()).hasSize(48);
        assertThat(hourly.byPeriod().get(23).start()).isEqualTo(Instant.parse("2026-11-20T02:00:00Z"));
        assertThat(hourly.byPeriod().get(23).measures().get(Measure.ANSWER).count()).isEqualTo(1);
        assertThat(WEEK.hourly()).isFalse();
    }

    @Test
    void breakdownsByTypePutCallsWithoutIncidentLast() {
        var report = report(List.of(answeredCall(1, 0, 5, 1L), answeredCall(2, 100, 125, null),
                        answeredCall(3, 200, 209, 2L)),
                List.of(incident(1, "ROBBERY", 0), incident(2, "FIRE_STRUCTURE", 100)), List.of());

        assertThat(report.byType()).extracting(Breakdown::key).containsExactly("FIRE_STRUCTURE", "ROBBERY", null);
        assertThat(report.byType().get(1).measures().get(Measure.ANSWER).p90()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void narrowingToATypeOrAnAgencyKeepsWhatBelongsToIt() {
        var medical = incident(1, "MEDICAL", 0);
        var fire = incident(2, "FIRE_STRUCTURE", 0);
        var data = new ResponseTimeData(
                List.of(answeredCall(1, 0, 5, 1L), answeredCall(2, 0, 7, 2L), answeredCall(3, 0, 9, null)),
                List.of(medical, fire),
                List.of(assignment(1, 10, "SAME", AgencyKind.EMS, 30.0, 60.0, 300.0),
                        assignment(2, 11, "Bomberos", AgencyKind.FIRE, 30.0, 60.0, 300.0),
                        assignment(2, 12, "SAME", AgencyKind.EMS, 40.0, 70.0, 310.0)));

        var byType = data.narrowedTo(null, "MEDICAL");
        assertThat(byType.calls()).extracting(CallTimes::callId).containsExactly(1L);
        assertThat(byType.incidents()).containsExactly(medical);
        assertThat(byType.assignments()).extracting(AssignmentTimes::unitId).containsExactly(10L);

        var byAgency = data.narrowedTo("Bomberos", null);
        assertThat(byAgency.calls()).as("calls are answered before any agency").hasSize(3);
        assertThat(byAgency.incidents()).containsExactly(fire);
        assertThat(byAgency.assignments()).extracting(AssignmentTimes::unitId).containsExactly(11L);

        assertThat(data.narrowedTo("Bomberos", "MEDICAL").incidents()).isEmpty();
    }

    @Test
    void theHistogramOfAnswerTimesHasFiveSecondBinsAndAnOpenLastOne() {
        var bins = report(callsAnsweredAfter(0, 4.9, 5, 14, 15, 59, 60, 300), List.of(), List.of()).answerHistogram();

        assertThat(bins).hasSize(13);
        assertThat(bins.get(0).count()).isEqualTo(2);
        assertThat(bins.get(1).count()).isEqualTo(1);
        assertThat(bins.get(2).count()).isEqualTo(1);
        assertThat(bins.get(2).withinTarget()).isTrue();
        assertThat(bins.get(3).count()).isEqualTo(1);
        assertThat(bins.get(3).withinTarget()).isFalse();
        assertThat(bins.get(11).count()).isEqualTo(1);
        assertThat(bins.get(12).to()).isNull();
        assertThat(bins.get(12).count()).isEqualTo(2);
    }

    private static Breakdown agency(ResponseTimeReport report, String name) {
        return report.byAgency().stream().filter(row -> name.equals(row.key())).findFirst().orElseThrow();
    }
}

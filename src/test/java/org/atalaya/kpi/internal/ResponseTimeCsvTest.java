package org.atalaya.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atalaya.kpi.internal.KpiFixtures.abandonedCall;
import static org.atalaya.kpi.internal.KpiFixtures.answeredCall;
import static org.atalaya.kpi.internal.KpiFixtures.assignment;
import static org.atalaya.kpi.internal.KpiFixtures.incident;
import static org.atalaya.kpi.internal.KpiFixtures.incidentWithoutCall;
import static org.atalaya.kpi.internal.KpiFixtures.typedInCall;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.atalaya.dispatch.AgencyKind;
import org.atalaya.kpi.internal.ResponseTimeCsv.RowKind;
import org.junit.jupiter.api.Test;

class ResponseTimeCsvTest {

    private static final ReportPeriod WEEK = new ReportPeriod(LocalDate.of(2026, 11, 14), LocalDate.of(2026, 11, 20),
            ZoneId.of("America/Argentina/Jujuy"));

    private static String csv(RowKind kind, ResponseTimeData data) throws IOException {
        var out = new StringWriter();
        ResponseTimeCsv.write(out, kind, WEEK, data, Targets.standard());
        return out.toString();
    }

    @Test
    void fieldsAreQuotedAsRfc4180Asks() {
        assertThat(ResponseTimeCsv.field("plain")).isEqualTo("plain");
        assertThat(ResponseTimeCsv.field("Bomberos, Norte")).isEqualTo("\"Bomberos, Norte\"");
        assertThat(ResponseTimeCsv.field("the \"Norte\" station")).isEqualTo("\"the \"\"Norte\"\" station\"");
        assertThat(ResponseTimeCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(ResponseTimeCsv.field("")).isEmpty();
    }

    @Test
    void fieldsASpreadsheetWouldRunAsFormulasAreDefused() {
        assertThat(ResponseTimeCsv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ResponseTimeCsv.field("+54 388")).isEqualTo("'+54 388");
        assertThat(ResponseTimeCsv.field("@SUM")).isEqualTo("'@SUM");
    }

    @Test
    void oneRowPerCallWithItsAnswerTimeAndOutcomeAndNoPersonalData() throws IOException {
        var text = csv(RowKind.CALL, new ResponseTimeData(List.of(answeredCall(7, 0, 12.25, 1L), abandonedCall(8, 5),
                typedInCall(9, 10, null)), List.of(incident(1, "ROBBERY", 12.25)), List.of()));

        assertThat(text.split("\r\n", -1)).containsExactly(
                "call_id,channel,incident_number,incident_type,offered_at,answered_at,ended_at,answer_seconds,outcome",
                "7,sip,INC-2026-1,ROBBERY,2026-11-20T12:00:00Z,2026-11-20T12:00:12.250Z,2026-11-20T12:01:12.250Z,"
                        + "12.25,answered",
                "8,sip,,,2026-11-20T12:00:05Z,,2026-11-20T12:00:35Z,,abandoned",
                "9,manual,,,2026-11-20T12:00:10Z,2026-11-20T12:00:10Z,2026-11-20T12:01:10Z,,typed-in",
                "");
    }

    @Test
    void oneRowPerIncidentMeasuredInThePeriod() throws IOException {
        var text = csv(RowKind.INCIDENT, new ResponseTimeData(List.of(),
                List.of(incident(1, "FIRE_STRUCTURE", 0), incidentWithoutCall(2, "FIRE_STRUCTURE", 30)),
                List.of(assignment(1, 10, "Bomberos", AgencyKind.FIRE, 45.0, 100.0, 300.0),
                        assignment(1, 11, "Bomberos", AgencyKind.FIRE, 40.0, null, null))));

        var lines = text.split("\r\n");
        assertThat(lines[0]).isEqualTo("incident_number,incident_type,priority,status,call_offered_at,"
                + "call_answered_at,created_at,first_dispatched_at,first_on_scene_at,call_processing_seconds,"
                + "first_on_scene_seconds");
        assertThat(lines[1]).as("the first unit dispatched and the first on scene")
                .isEqualTo("INC-2026-1,FIRE_STRUCTURE,2,dispatched,2026-11-20T11:59:55Z,2026-11-20T12:00:00Z,"
                        + "2026-11-20T12:00:01Z,2026-11-20T12:00:40Z,2026-11-20T12:05:00Z,40,300");
        assertThat(lines[2]).as("no call, no unit: times left empty")
                .isEqualTo("INC-2026-2,FIRE_STRUCTURE,2,new,,,2026-11-20T12:00:30Z,,,,");
        assertThat(lines).hasSize(3);
    }

    @Test
    void oneRowPerAssignmentWithItsTurnoutTarget() throws IOException {
        var text = csv(RowKind.ASSIGNMENT, new ResponseTimeData(List.of(), List.of(incident(1, "MEDICAL", 0)),
                List.of(assignment(1, 10, "SAME, Jujuy", AgencyKind.EMS, 30.0, 95.5, null))));

        assertThat(text.split("\r\n")).containsExactly("incident_number,incident_type,unit_id,unit_type,agency,"
                        + "agency_kind,dispatched_at,en_route_at,on_scene_at,cleared_at,turnout_seconds,"
                        + "turnout_target_seconds,travel_seconds",
                "INC-2026-1,MEDICAL,10,ambulance,\"SAME, Jujuy\",ems,2026-11-20T12:00:30Z,2026-11-20T12:01:35.500Z,,,"
                        + "65.5,60,");
    }

    @Test
    void theKindOfRowIsNamedOrDefaultsToIncidents() {
        assertThat(RowKind.named(null)).isEqualTo(RowKind.INCIDENT);
        assertThat(RowKind.named(" Assignment ")).isEqualTo(RowKind.ASSIGNMENT);
        assertThatThrownBy(() -> RowKind.named("unit")).isInstanceOf(KpiProblem.class)
                .hasMessage("\"unit\" is not one of call, incident or assignment.");
    }
}

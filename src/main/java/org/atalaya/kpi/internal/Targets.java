package org.atalaya.kpi.internal;

import java.time.Duration;
import org.atalaya.dispatch.AgencyKind;

/**
 * The response-time targets the reports judge against: for each measure a time and the share of cases that must
 * meet it. Turnout has two times, one for medical units and one for all others.
 *
 * @param firstOnScene null when the centre set no target for it
 */
record Targets(Duration answer, double answerShare, Duration callProcessing, double callProcessingShare,
               Duration turnoutEms, Duration turnoutOthers, double turnoutShare, Duration travel, double travelShare,
               Duration firstOnScene, double firstOnSceneShare) {

    static Targets standard() {
        return new KpiProperties(null, null, null, null, null, null, null, null, null, null, null, null).targets();
    }

    Duration turnout(AgencyKind kind) {
        return kind == AgencyKind.EMS ? turnoutEms : turnoutOthers;
    }

    double requiredShare(Measure measure) {
        return switch (measure) {
            case ANSWER -> answerShare;
            case CALL_PROCESSING -> callProcessingShare;
            case TURNOUT -> turnoutShare;
            case TRAVEL -> travelShare;
            case FIRST_ON_SCENE -> firstOnSceneShare;
        };
    }
}

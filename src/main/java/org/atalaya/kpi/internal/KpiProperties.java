package org.atalaya.kpi.internal;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Response-time targets and the centre's time zone for the response-time reports. The defaults are those of the
 * standards: NENA-STA-020.1-2020 for answering, NFPA 1225 for call processing, NFPA 1710 for turnout and travel.
 *
 * @param zone                   the centre's time zone: the report's dates and its daily or hourly periods are
 *                               in it (default America/Argentina/Jujuy)
 * @param answerTarget           a call should be answered within this time of ringing (default 15 s)
 * @param answerShare            the share of calls, 0 to 1, that must meet {@code answerTarget} (default 0.90)
 * @param callProcessingTarget   from answering the first call of an incident to dispatching its first unit
 *                               (default 60 s)
 * @param callProcessingShare    the share of incidents that must meet {@code callProcessingTarget} (default 0.90)
 * @param turnoutTargetEms       from dispatch to en route, for units of medical (EMS) agencies (default 60 s)
 * @param turnoutTargetOthers    from dispatch to en route, for units of fire, police and civil defence agencies
 *                               (default 80 s)
 * @param turnoutShare           the share of assignments that must meet their turnout target (default 0.90)
 * @param travelTarget           from en route to on scene (default 240 s)
 * @param travelShare            the share of assignments that must meet {@code travelTarget} (default 0.90)
 * @param firstOnSceneTarget     from answering the first call of an incident to its first unit on scene; no target
 *                               when not set (the default): the measure is then shown without judgement
 * @param firstOnSceneShare      the share of incidents that must meet {@code firstOnSceneTarget} (default 0.90)
 */
@ConfigurationProperties("atalaya.kpi")
record KpiProperties(ZoneId zone, Duration answerTarget, Double answerShare, Duration callProcessingTarget,
                     Double callProcessingShare, Duration turnoutTargetEms, Duration turnoutTargetOthers,
                     Double turnoutShare, Duration travelTarget, Double travelShare, Duration firstOnSceneTarget,
                     Double firstOnSceneShare) {

    KpiProperties {
        if (zone == null) zone = ZoneId.of("America/Argentina/Jujuy");
        answerTarget = positiveOr(answerTarget, Duration.ofSeconds(15));
        callProcessingTarget = positiveOr(callProcessingTarget, Duration.ofSeconds(60));
        turnoutTargetEms = positiveOr(turnoutTargetEms, Duration.ofSeconds(60));
        turnoutTargetOthers = positiveOr(turnoutTargetOthers, Duration.ofSeconds(80));
        travelTarget = positiveOr(travelTarget, Duration.ofSeconds(240));
        firstOnSceneTarget = positiveOr(firstOnSceneTarget, null);
        answerShare = shareOr(answerShare);
        callProcessingShare = shareOr(callProcessingShare);
        turnoutShare = shareOr(turnoutShare);
        travelShare = shareOr(travelShare);
        firstOnSceneShare = shareOr(firstOnSceneShare);
    }

    Targets targets() {
        return new Targets(answerTarget, answerShare, callProcessingTarget, callProcessingShare, turnoutTargetEms,
                turnoutTargetOthers, turnoutShare, travelTarget, travelShare, firstOnSceneTarget, firstOnSceneShare);
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }

    private static Double shareOr(Double value) {
        return value == null || value <= 0 || value > 1 ? 0.90 : value;
    }
}

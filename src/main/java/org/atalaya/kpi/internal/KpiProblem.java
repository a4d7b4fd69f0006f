package org.atalaya.kpi.internal;

import org.atalaya.platform.RequestProblem;
import org.springframework.http.HttpStatus;

/** A response-time request that cannot be answered, with the reason in words (translated from {@code i18n/kpi}). */
class KpiProblem extends RequestProblem {

    private KpiProblem(String detail, String detailCode, Object... arguments) {
        super(HttpStatus.BAD_REQUEST, "Bad Request", detail, detailCode, arguments);
    }

    static KpiProblem notADate(String field, String value) {
        return new KpiProblem("The " + field + " date \"" + value + "\" is not a date like 2026-11-29.",
                "kpi.problem.not-a-date", field, value);
    }

    static KpiProblem endsBeforeItStarts() {
        return new KpiProblem("The period ends before it starts.", "kpi.problem.ends-before-start");
    }

    static KpiProblem tooLong(int days) {
        return new KpiProblem("A report covers at most " + days + " days.", "kpi.problem.too-long",
                String.valueOf(days));
    }

    static KpiProblem unknownRowKind(String value) {
        return new KpiProblem("\"" + value + "\" is not one of call, incident or assignment.",
                "kpi.problem.unknown-row-kind", value);
    }

    String detailCode() {
        return getDetailMessageCode();
    }
}

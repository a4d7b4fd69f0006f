package org.atalaya.incident.internal;

import java.util.Arrays;

import org.atalaya.platform.RequestProblem;
import org.springframework.http.HttpStatus;

/** An incident request that cannot be done, with the reason in words (translated from {@code i18n/incident}). */
class IncidentProblem extends RequestProblem {

    private IncidentProblem(HttpStatus status, String title, String detail, String detailCode, Object... arguments) {
        super(status, title, detail, detailCode, Arrays.stream(arguments).map(String::valueOf).toArray());
    }

    private IncidentProblem(HttpStatus status, String title, String detail) {
        super(status, title, detail);
    }

    static IncidentProblem notFound(long id) {
        return new IncidentProblem(HttpStatus.NOT_FOUND, "Not Found", "There is no incident " + id + ".",
                "incident.problem.not-found", id);
    }

    /** A request whose content is wrong; the detail (from validation) says what to change. */
    static IncidentProblem invalid(String detail) {
        return new IncidentProblem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
    }

    static IncidentProblem ended(String number) {
        return new IncidentProblem(HttpStatus.CONFLICT, "Conflict",
                "Incident " + number + " has already ended: it can only be read.", "incident.problem.ended", number);
    }

    static IncidentProblem outcomeNeeded() {
        return new IncidentProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                "Closing an incident needs a short outcome (at most " + IncidentService.MAX_OUTCOME + " characters).",
                "incident.problem.outcome", IncidentService.MAX_OUTCOME);
    }

    static IncidentProblem reasonNeeded() {
        return new IncidentProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                "Cancelling an incident needs a short reason (at most " + IncidentService.MAX_OUTCOME
                        + " characters).", "incident.problem.reason", IncidentService.MAX_OUTCOME);
    }

    static IncidentProblem mergeIntoItself(String number) {
        return new IncidentProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                "Incident " + number + " cannot be merged into itself.", "incident.problem.merge-itself", number);
    }

    static IncidentProblem mergeIntoEnded(String number) {
        return new IncidentProblem(HttpStatus.CONFLICT, "Conflict",
                "Incident " + number + " has ended: nothing can be merged into it.",
                "incident.problem.merge-ended", number);
    }

    static IncidentProblem badListStatus(String status) {
        return new IncidentProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The incidents to list are active or all (not " + status + ").", "incident.problem.list-status",
                status);
    }

    static IncidentProblem badInstant(String name, String value) {
        return new IncidentProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                name + " must be an instant such as 2026-11-29T10:15:30Z (not " + value + ").",
                "incident.problem.instant", name, value);
    }

    static IncidentProblem noType(String code) {
        return new IncidentProblem(HttpStatus.NOT_FOUND, "Not Found", "There is no incident type " + code + ".",
                "incident.problem.no-type", code);
    }

    static IncidentProblem typeExists(String code) {
        return new IncidentProblem(HttpStatus.CONFLICT, "Conflict", "There is already an incident type " + code + ".",
                "incident.problem.type-exists", code);
    }
}

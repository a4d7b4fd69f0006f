package org.atalaya.intake.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.atalaya.incident.IncidentView;
import org.atalaya.platform.RequestProblem;
import org.springframework.http.HttpStatus;

/** A call request that cannot be done, with the reason in words (translated from {@code i18n/intake}). */
class IntakeProblem extends RequestProblem {

    /** An incident offered as possibly the same as the one the call is about. */
    record Candidate(long id, String number, String typeCode, int priority, String status, String address,
                     Double latitude, Double longitude, String summary, Instant createdAt) {

        static Candidate of(IncidentView incident) {
            return new Candidate(incident.id(), incident.number(), incident.typeCode(), incident.priority(),
                    incident.status().name(), incident.address(), incident.latitude(), incident.longitude(),
                    incident.summary(), incident.createdAt());
        }
    }

    private IntakeProblem(HttpStatus status, String title, String detail, String detailCode, Object... arguments) {
        super(status, title, detail, detailCode, Arrays.stream(arguments).map(String::valueOf).toArray());
    }

    static IntakeProblem notFound(long id) {
        return new IntakeProblem(HttpStatus.NOT_FOUND, "Not Found", "There is no call " + id + ".",
                "intake.problem.not-found", id);
    }

    static IntakeProblem answeredBy(long id, String by) {
        return new IntakeProblem(HttpStatus.CONFLICT, "Conflict", "Call " + id + " was already answered by " + by + ".",
                "intake.problem.answered-by", id, by);
    }

    static IntakeProblem callerGone(long id) {
        return new IntakeProblem(HttpStatus.CONFLICT, "Conflict",
                "The caller of call " + id + " hung up before it was answered.", "intake.problem.caller-gone", id);
    }

    static IntakeProblem notAnswered(long id) {
        return new IntakeProblem(HttpStatus.CONFLICT, "Conflict", "Call " + id + " is still ringing: answer it first.",
                "intake.problem.not-answered", id);
    }

    static IntakeProblem ended(long id) {
        return new IntakeProblem(HttpStatus.CONFLICT, "Conflict", "Call " + id + " has already ended.",
                "intake.problem.ended", id);
    }

    static IntakeProblem alreadyLinked(long id, String incident) {
        return new IntakeProblem(HttpStatus.CONFLICT, "Conflict",
                "Call " + id + " already belongs to incident " + incident + ".", "intake.problem.already-linked", id,
                incident);
    }

    static IntakeProblem noIncident(long incidentId) {
        return new IntakeProblem(HttpStatus.NOT_FOUND, "Not Found", "There is no incident " + incidentId + ".",
                "intake.problem.no-incident", incidentId);
    }

    static IntakeProblem incidentEnded(String number) {
        return new IntakeProblem(HttpStatus.CONFLICT, "Conflict",
                "Incident " + number + " is closed: a call cannot be added to it.", "intake.problem.incident-ended",
                number);
    }

    /** The request's fields that are wrong, each with what is wrong in the user's language. */
    static IntakeProblem invalid(Map<String, String> errors) {
        IntakeProblem problem = new IntakeProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                "Some fields need correcting: " + String.join(", ", errors.keySet()) + ".", "intake.problem.invalid",
                String.join(", ", errors.keySet()));
        problem.getBody().setProperty("errors", errors);
        return problem;
    }

    /** The incident module refused the incident, saying why in words. */
    static IntakeProblem refused(String why) {
        return new IntakeProblem(HttpStatus.BAD_REQUEST, "Invalid request", why, "intake.problem.refused", why);
    }

    /** Open incidents like the one reported exist: the call-taker chooses to add the call to one or to go on. */
    static IntakeProblem possibleDuplicates(List<IncidentView> candidates) {
        IntakeProblem problem = new IntakeProblem(HttpStatus.CONFLICT, "Possible duplicate",
                "There are open incidents like this one nearby: add the call to one of them, or open a new incident "
                        + "anyway (openAnyway: true).", "intake.problem.duplicates");
        problem.getBody().setProperty("candidates", candidates.stream().map(Candidate::of).toList());
        return problem;
    }

    static IntakeProblem badState(String state) {
        return new IntakeProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The calls to list are ringing, active or recent (not " + state + ").", "intake.problem.state", state);
    }

    static IntakeProblem eventStreamOnly() {
        return new IntakeProblem(HttpStatus.NOT_ACCEPTABLE, "Not Acceptable",
                "This address sends server-sent events only (Accept: text/event-stream).",
                "intake.problem.event-stream");
    }
}

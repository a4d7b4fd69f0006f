package org.atalaya.alarm.internal;

import java.util.Arrays;

import org.atalaya.platform.RequestProblem;
import org.springframework.http.HttpStatus;

/** An alarm request that cannot be done, with the reason in words (translated from {@code i18n/alarm}). */
class AlarmProblem extends RequestProblem {

    private AlarmProblem(HttpStatus status, String title, String detail, String detailCode, Object... arguments) {
        super(status, title, detail, detailCode, words(arguments));
    }

    /** Numbers as they are written (ids are not quantities: "alarm 1234", not "alarm 1,234"). */
    private static Object[] words(Object... arguments) {
        return Arrays.stream(arguments).map(String::valueOf).toArray();
    }

    static AlarmProblem notFound(long id) {
        return new AlarmProblem(HttpStatus.NOT_FOUND, "Not Found", "There is no alarm " + id + " that you may see.",
                "alarm.problem.not-found", id);
    }

    static AlarmProblem mayNotSee(long id) {
        return new AlarmProblem(HttpStatus.FORBIDDEN, "Forbidden",
                "You may see this alarm's cameras but not its alarms.", "alarm.problem.may-not-see", id);
    }

    static AlarmProblem mayNotHandle(long id) {
        return new AlarmProblem(HttpStatus.FORBIDDEN, "Forbidden",
                "You may see alarm " + id + " but not handle it.", "alarm.problem.may-not-handle", id);
    }

    /** The alarm is closed: nothing more can be done with it but reading it. */
    static AlarmProblem closed(long id) {
        return new AlarmProblem(HttpStatus.CONFLICT, "Conflict", "Alarm " + id + " is already closed.",
                "alarm.problem.closed", id);
    }

    /** Acknowledging cannot be done in the alarm's state. */
    static AlarmProblem cannotAcknowledge(long id, AlarmState state) {
        if (state == AlarmState.CLOSED) return closed(id);
        return new AlarmProblem(HttpStatus.CONFLICT, "Conflict", "Alarm " + id + " is already acknowledged.",
                "alarm.problem.already-acknowledged", id);
    }

    /** Starting work cannot be done in the alarm's state. */
    static AlarmProblem cannotStart(long id, AlarmState state) {
        return switch (state) {
            case CLOSED -> closed(id);
            case NEW -> new AlarmProblem(HttpStatus.CONFLICT, "Conflict",
                    "Alarm " + id + " is new: acknowledge it before starting work on it.",
                    "alarm.problem.acknowledge-first", id);
            case ACKNOWLEDGED, IN_PROGRESS -> new AlarmProblem(HttpStatus.CONFLICT, "Conflict",
                    "Work on alarm " + id + " has already started.", "alarm.problem.already-started", id);
        };
    }

    static AlarmProblem incidentAlreadyRequested(long id, String by) {
        return new AlarmProblem(HttpStatus.CONFLICT, "Conflict",
                "An incident was already requested for alarm " + id + " by " + by + ".",
                "alarm.problem.incident-requested", id, by);
    }

    static AlarmProblem unknownOutcome(String outcome) {
        return new AlarmProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                "Closing an alarm needs an outcome: resolved, false-alarm, referred, test or duplicate"
                        + (outcome == null ? "." : " (not " + outcome + ")."),
                "alarm.problem.outcome", String.valueOf(outcome));
    }

    static AlarmProblem noteTooLong(int limit) {
        return new AlarmProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The note may be at most " + limit + " characters long.", "alarm.problem.note-too-long", limit);
    }

    static AlarmProblem noSopLine(long id, int index, int lines) {
        return new AlarmProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                "Alarm " + id + "'s checklist has no line " + index + "; its lines are numbered 0 to " + (lines - 1)
                        + ".", "alarm.problem.sop-line", id, index, lines - 1);
    }

    static AlarmProblem noSuchOperator(String username) {
        return new AlarmProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                "There is no user " + username + ".", "alarm.problem.no-such-user", username);
    }

    static AlarmProblem operatorMayNotHandle(String username, long id) {
        return new AlarmProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                username + " may not handle alarm " + id + ", so it cannot be assigned to them.",
                "alarm.problem.assignee-may-not-handle", username, id);
    }

    static AlarmProblem badState(String state) {
        return new AlarmProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The state to list is open or closed (not " + state + ").", "alarm.problem.list-state", state);
    }

    static AlarmProblem noType(String code) {
        return new AlarmProblem(HttpStatus.NOT_FOUND, "Not Found", "There is no alarm type " + code + ".",
                "alarm.problem.no-type", code);
    }

    static AlarmProblem invalidType(String detail, String detailCode, Object... arguments) {
        return new AlarmProblem(HttpStatus.BAD_REQUEST, "Invalid request", detail, detailCode, arguments);
    }
}

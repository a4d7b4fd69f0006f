package org.atalaya.alarm.internal.sources;

import org.atalaya.platform.RequestProblem;
import org.springframework.http.HttpStatus;

/** A request about alarm sources, or an event sent by one, that cannot be done, with the reason in words. */
class AlarmSourceProblem extends RequestProblem {

    private AlarmSourceProblem(HttpStatus status, String title, String detail) {
        super(status, title, detail);
    }

    private AlarmSourceProblem(HttpStatus status, String title, String detail, String detailCode,
                               Object... arguments) {
        super(status, title, detail, detailCode, arguments);
    }

    /**
     * A refused value in a source's settings: {@code detail} in English, and the message
     * {@code alarm-sources.problem.<code>} with {@code arguments} for other languages.
     */
    static AlarmSourceProblem invalid(String code, String detail, Object... arguments) {
        return new AlarmSourceProblem(HttpStatus.BAD_REQUEST, "Invalid alarm source", detail,
                "alarm-sources.problem." + code, arguments);
    }

    static AlarmSourceProblem notFound(long id) {
        return new AlarmSourceProblem(HttpStatus.NOT_FOUND, "No such alarm source", "There is no alarm source " + id
                + ".", "alarm-sources.problem.notFound", String.valueOf(id));
    }

    /** An event the source sent that cannot be taken; the reason names the field. */
    static AlarmSourceProblem badEvent(String reason) {
        return new AlarmSourceProblem(HttpStatus.BAD_REQUEST, "Invalid alarm event", reason);
    }

    static AlarmSourceProblem wrongToken() {
        return new AlarmSourceProblem(HttpStatus.UNAUTHORIZED, "Unknown source token",
                "The X-Atalaya-Source-Token header is missing or is not this source's token.");
    }

    static AlarmSourceProblem disabled(String name) {
        return new AlarmSourceProblem(HttpStatus.FORBIDDEN, "Source disabled",
                "The alarm source " + name + " is disabled: its events are refused until it is enabled again.");
    }

    static AlarmSourceProblem tooMany(String name, int perSecond) {
        return new AlarmSourceProblem(HttpStatus.TOO_MANY_REQUESTS, "Too many events",
                "The alarm source " + name + " sent more than " + perSecond
                        + " events in one second; the rest of this second's events are refused.");
    }
}

package org.atalaya.dispatch.internal;

import org.atalaya.platform.RequestProblem;
import org.springframework.http.HttpStatus;

/** A dispatch request that cannot be done, with the reason in words. */
class DispatchProblem extends RequestProblem {

    private DispatchProblem(HttpStatus status, String title, String detail) {
        super(status, title, detail);
    }

    static DispatchProblem invalid(String detail) {
        return new DispatchProblem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
    }

    static DispatchProblem conflict(String detail) {
        return new DispatchProblem(HttpStatus.CONFLICT, "Conflict", detail);
    }

    static DispatchProblem forbidden(String detail) {
        return new DispatchProblem(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    static DispatchProblem notFound(String detail) {
        return new DispatchProblem(HttpStatus.NOT_FOUND, "Not Found", detail);
    }

    static DispatchProblem noUnit(long id) {
        return new DispatchProblem(HttpStatus.NOT_FOUND, "Not Found", "There is no unit " + id + ".");
    }

    static DispatchProblem noIncident(long id) {
        return new DispatchProblem(HttpStatus.NOT_FOUND, "Not Found", "There is no incident " + id + ".");
    }

    static DispatchProblem notAcceptable() {
        return new DispatchProblem(HttpStatus.NOT_ACCEPTABLE, "Not Acceptable",
                "This address sends a stream of server-sent events (Accept: text/event-stream).");
    }
}

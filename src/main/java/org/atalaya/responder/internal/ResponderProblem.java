package org.atalaya.responder.internal;

import org.atalaya.platform.RequestProblem;
import org.springframework.http.HttpStatus;

/** A request from the responder's page that cannot be done, with the reason in words for the responder. */
class ResponderProblem extends RequestProblem {

    private ResponderProblem(HttpStatus status, String title, String detail) {
        super(status, title, detail);
    }

    private ResponderProblem(HttpStatus status, String title, String detail, String detailCode, Object... arguments) {
        super(status, title, detail, detailCode, arguments);
    }

    static ResponderProblem notSignedOn() {
        return new ResponderProblem(HttpStatus.CONFLICT, "Not signed on",
                "You are not signed on to a unit: choose your unit first.", "responder.error.notSignedOn");
    }

    /** A position the page sent that cannot be true, with the reason in words (and its translation's code). */
    static ResponderProblem badPosition(String detail, String detailCode, Object... arguments) {
        return new ResponderProblem(HttpStatus.BAD_REQUEST, "Position not accepted", detail, detailCode, arguments);
    }

    /** A position that tracking refused, with its reason (in English). */
    static ResponderProblem refusedPosition(String reason) {
        return new ResponderProblem(HttpStatus.BAD_REQUEST, "Position not accepted", reason);
    }

    /** A position tracking could not store just now (it is busy); the page sends the next one anyway. */
    static ResponderProblem notStored(String reason) {
        return new ResponderProblem(HttpStatus.SERVICE_UNAVAILABLE, "Position not stored", reason);
    }

    static ResponderProblem eventStreamOnly() {
        return new ResponderProblem(HttpStatus.NOT_ACCEPTABLE, "Not Acceptable",
                "This address sends server-sent events only: ask for text/event-stream (an EventSource does).");
    }
}

package org.atalaya.map.internal;

import org.atalaya.platform.RequestProblem;
import org.springframework.http.HttpStatus;

/** A request to the map's API that cannot be answered, with the reason in words for the person who sent it. */
class MapProblem extends RequestProblem {

    private MapProblem(HttpStatus status, String title, String detail) {
        super(status, title, detail);
    }

    static MapProblem eventStreamOnly() {
        return new MapProblem(HttpStatus.NOT_ACCEPTABLE, "Not Acceptable",
                "This address sends server-sent events only: ask for text/event-stream (an EventSource does).");
    }
}

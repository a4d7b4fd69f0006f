package org.atalaya.alarm.internal;

import org.atalaya.platform.RequestProblem;
import org.springframework.http.HttpStatus;

/** A request to the alarm console's stream that cannot be answered, with the reason in words. */
class AlarmConsoleProblem extends RequestProblem {

    private AlarmConsoleProblem(HttpStatus status, String title, String detail) {
        super(status, title, detail);
    }

    static AlarmConsoleProblem eventStreamOnly() {
        return new AlarmConsoleProblem(HttpStatus.NOT_ACCEPTABLE, "Not Acceptable",
                "This address sends server-sent events only: ask for text/event-stream (an EventSource does).");
    }
}

package org.atalaya.tracking.internal;

import org.atalaya.platform.RequestProblem;
import org.springframework.http.HttpStatus;

/** A tracking request that cannot be answered, worded for the person who sent it. */
class TrackingProblem extends RequestProblem {

    private TrackingProblem(HttpStatus status, String title, String detail) {
        super(status, title, detail);
    }

    static TrackingProblem badRange(String detail) {
        return new TrackingProblem(HttpStatus.BAD_REQUEST, "Invalid time range", detail);
    }
}

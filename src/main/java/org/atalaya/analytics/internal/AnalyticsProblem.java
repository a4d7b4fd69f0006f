package org.atalaya.analytics.internal;

import org.atalaya.platform.RequestProblem;
import org.springframework.http.HttpStatus;

/** An analytics request that cannot be done, with the reason in words for the person who sent it. */
class AnalyticsProblem extends RequestProblem {

    private AnalyticsProblem(HttpStatus status, String title, String detail) {
        super(status, title, detail);
    }

    static AnalyticsProblem invalid(String detail) {
        return new AnalyticsProblem(HttpStatus.BAD_REQUEST, "Invalid analytics settings", detail);
    }

    static AnalyticsProblem noCamera(long id) {
        return new AnalyticsProblem(HttpStatus.NOT_FOUND, "Not Found", "There is no camera " + id + " that you may see.");
    }

    static AnalyticsProblem notAllowed(String what) {
        return new AnalyticsProblem(HttpStatus.FORBIDDEN, "Forbidden", "You may see this camera but not " + what + ".");
    }

    static AnalyticsProblem noPicture() {
        return new AnalyticsProblem(HttpStatus.NOT_FOUND, "No picture",
                "No picture yet: the camera is not analysed or not connected.");
    }
}

package org.atalaya.live.internal;

import org.atalaya.platform.RequestProblem;
import org.springframework.http.HttpStatus;

/** A live-video request that cannot be served, with the reason in words. */
class LiveProblem extends RequestProblem {

    private LiveProblem(HttpStatus status, String title, String detail, String detailCode, Object... arguments) {
        super(status, title, detail, detailCode, arguments);
    }

    static LiveProblem noCamera(long id) {
        return new LiveProblem(HttpStatus.NOT_FOUND, "Not Found", "There is no camera " + id + " that you may see.",
                "live.problem.noCamera", id);
    }

    static LiveProblem notAllowed() {
        return new LiveProblem(HttpStatus.FORBIDDEN, "Forbidden",
                "You may see this camera but not its live video.", "live.problem.notAllowed");
    }
}

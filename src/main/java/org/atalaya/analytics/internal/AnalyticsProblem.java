package org.atalaya.analytics.internal;

import org.atalaya.platform.RequestProblem;
import org.springframework.http.HttpStatus;

/**
 * An analytics request that cannot be done, with the reason in words for the person who sent it, in their language
 * where {@code analytics.problem.<code>} has a translation.
 */
class AnalyticsProblem extends RequestProblem {

    private AnalyticsProblem(HttpStatus status, String title, String detail, String code, Object... arguments) {
        super(status, title, detail, "analytics.problem." + code, arguments);
    }

    /** @param detail the English sentence; {@code analytics.problem.<code>} says the same with the arguments */
    static AnalyticsProblem invalid(String code, String detail, Object... arguments) {
        return new AnalyticsProblem(HttpStatus.BAD_REQUEST, "Invalid analytics settings", detail, code, arguments);
    }

    static AnalyticsProblem noCamera(long id) {
        return new AnalyticsProblem(HttpStatus.NOT_FOUND, "Not Found", "There is no camera " + id + " that you may see.",
                "no-camera", id);
    }

    static AnalyticsProblem noLivePicture() {
        return new AnalyticsProblem(HttpStatus.FORBIDDEN, "Forbidden",
                "You may see this camera but not its live picture.", "no-live-picture");
    }

    static AnalyticsProblem noPicture() {
        return new AnalyticsProblem(HttpStatus.NOT_FOUND, "No picture",
                "No picture yet: the camera is not analysed or not connected.", "no-picture");
    }
}

package org.atalaya.camera.internal;

import org.atalaya.platform.RequestProblem;
import org.springframework.http.HttpStatus;

/** A request about cameras that cannot be done, with the reason in words for the person who sent it. */
class CameraProblem extends RequestProblem {

    CameraProblem(HttpStatus status, String detail) {
        super(status, status == HttpStatus.BAD_REQUEST ? "Invalid camera" : status.getReasonPhrase(), detail);
    }

    private CameraProblem(String detail, String detailCode, Object... arguments) {
        super(HttpStatus.BAD_REQUEST, "Invalid camera", detail, detailCode, arguments);
    }

    /**
     * A refused value: {@code detail} in English, and the message {@code camera.problem.<code>} with
     * {@code arguments} for other languages.
     */
    static CameraProblem invalid(String code, String detail, Object... arguments) {
        return new CameraProblem(detail, "camera.problem." + code, arguments);
    }

    static CameraProblem notFound(long id) {
        return new CameraProblem(HttpStatus.NOT_FOUND, "There is no camera " + id + " that you may see.");
    }
}

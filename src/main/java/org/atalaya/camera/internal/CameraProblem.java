package org.atalaya.camera.internal;

import org.atalaya.platform.RequestProblem;
import org.springframework.http.HttpStatus;

/** A request about cameras that cannot be done, with the reason in words for the person who sent it. */
class CameraProblem extends RequestProblem {

    CameraProblem(HttpStatus status, String detail) {
        super(status, status == HttpStatus.BAD_REQUEST ? "Invalid camera" : status.getReasonPhrase(), detail);
    }

    static CameraProblem invalid(String detail) {
        return new CameraProblem(HttpStatus.BAD_REQUEST, detail);
    }

    static CameraProblem notFound(long id) {
        return new CameraProblem(HttpStatus.NOT_FOUND, "There is no camera " + id + " that you may see.");
    }
}

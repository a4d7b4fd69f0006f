package org.atalaya.camera.internal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request about cameras that cannot be done, with the reason in words for the person who sent it. */
class CameraProblem extends ErrorResponseException {

    CameraProblem(HttpStatus status, String detail) {
        super(status, problem(status, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status == HttpStatus.BAD_REQUEST ? "Invalid camera" : status.getReasonPhrase());
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    static CameraProblem invalid(String detail) {
        return new CameraProblem(HttpStatus.BAD_REQUEST, detail);
    }

    static CameraProblem notFound(long id) {
        return new CameraProblem(HttpStatus.NOT_FOUND, "There is no camera " + id + " that you may see.");
    }
}

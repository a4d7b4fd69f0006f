package org.atalaya.platform;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request that cannot be done, answered as an RFC 9457 problem detail whose title and detail a person understands.
 * Modules extend it with factory methods for their own problems; its message is the detail, so a console page can show
 * it as it is.
 */
public abstract class RequestProblem extends ErrorResponseException {

    protected RequestProblem(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    /**
     * A problem whose detail has a translation: {@code detailCode} with {@code arguments} is looked up in the
     * application's messages for the request's language, and {@code detail} (English) is kept where none is found.
     */
    protected RequestProblem(HttpStatus status, String title, String detail, String detailCode, Object... arguments) {
        super(status, problem(status, title, detail), null, detailCode, arguments);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}

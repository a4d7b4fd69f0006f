package org.atalaya.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Refusals as people see them: the console's error page for pages, a problem detail for the API. Ordered first so
 * that a general exception handler elsewhere does not swallow them.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityErrors {

    private final MessageSource messages;

    IdentityErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(PermissionDenied.class)
    ResponseEntity<ProblemDetail> permissionDenied(PermissionDenied denied, HttpServletRequest request,
                                                   HttpServletResponse response) throws IOException {
        return answer(request, response, HttpStatus.FORBIDDEN,
                denied.needed() == null ? "problem.undeclared" : "problem.forbidden");
    }

    @ExceptionHandler(IdentityProblem.class)
    ResponseEntity<ProblemDetail> identityProblem(IdentityProblem problem, HttpServletRequest request,
                                                  HttpServletResponse response) throws IOException {
        return answer(request, response, problem.status(), problem.messageKey(), problem.arguments());
    }

    /** A problem detail for the API; for a page, the error page with the status (and no body from here). */
    private ResponseEntity<ProblemDetail> answer(HttpServletRequest request, HttpServletResponse response,
                                                 HttpStatus status, String messageKey, Object... arguments)
            throws IOException {
        if (!ProblemResponses.wantsJson(request)) {
            response.sendError(status.value());
            return null;
        }
        var problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(messageKey, arguments, LocaleContextHolder.getLocale()));
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(status).body(problem);
    }
}

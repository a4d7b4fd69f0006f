package org.atalaya.platform.internal;

import java.sql.SQLException;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the REST API as an RFC 9457 problem, worded for the person who sent the request. Unexpected
 * failures get a reference that matches the server log, never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = "The request body is not valid JSON for this endpoint: " + readableCause(e);
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed request body", detail));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage())
                .collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request",
                detail.isEmpty() ? "The request is not valid." : detail));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = e.getAllErrors().stream()
                .map(error -> error.getDefaultMessage())
                .collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request", detail));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another value" : e.getRequiredType().getSimpleName();
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid parameter",
                "Parameter '" + e.getName() + "' must be " + article(expected) + ", not '" + e.getValue() + "'."));
    }

    /** Values the database cannot hold (a date beyond its range, a character it cannot store) are the sender's. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> refusedByTheDatabase(DataAccessException e) {
        if (e.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith("22")) {
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid value",
                    "A value in the request is out of range or contains characters that cannot be stored."));
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error, reference {}", reference, e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error", "The server could not complete the request. Reference: " + reference + "."));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** Jackson's own words about what is wrong, without the names of our internal classes and methods. */
    static String readableCause(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        if (cause == e || message.startsWith("Required request body is missing")) {
            return "the body is missing or empty; send a JSON object.";
        }
        message = message.lines().findFirst().orElse(message);
        int source = message.indexOf(" at [Source");
        if (source > 0) message = message.substring(0, source);
        int chain = message.indexOf(" (through reference chain");
        if (chain > 0) message = message.substring(0, chain);
        message = QUALIFIED_TYPE.matcher(message).replaceAll(type -> "`" + simpleName(type.group(1)) + "`");
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }

    private static final java.util.regex.Pattern QUALIFIED_TYPE = java.util.regex.Pattern.compile("`([\\w.$]+)`");

    private static String simpleName(String type) {
        String simple = type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
        return simple.isEmpty() ? "value" : simple;
    }

    private static String article(String type) {
        return switch (type) {
            case "Long", "Integer", "int", "long" -> "a whole number";
            case "Instant", "OffsetDateTime", "ZonedDateTime" -> "a date and time in ISO-8601 form, e.g. 2026-01-31T14:00:00Z";
            case "LocalDate" -> "a date in ISO-8601 form, e.g. 2026-01-31";
            case "UUID" -> "a UUID";
            case "Boolean", "boolean" -> "true or false";
            default -> "a valid " + type;
        };
    }
}

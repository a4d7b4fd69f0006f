package org.atalaya.audit.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.audit.AuditProofs;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log over HTTP, read-only: entries (filtered, newest first, paged with {@code before}), one entry, its
 * inclusion proof, the signed checkpoints, the public key, and exports. Errors are problem details.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApiController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");

    private final AuditBrowser browser;
    private final MessageSource messages;

    AuditApiController(AuditBrowser browser, MessageSource messages) {
        this.browser = browser;
        this.messages = messages;
    }

    record EntryPage(List<EntryView> entries, Long nextBefore) {
    }

    @GetMapping("/entries")
    @RequiresPermission(Permission.AUDIT_VIEW)
    EntryPage entries(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                      @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                      @RequestParam(required = false) String target, @RequestParam(required = false) String outcome,
                      @RequestParam(required = false) String before, @RequestParam(required = false) String limit) {
        var filter = AuditFilter.parse(from, to, actor, action, target, outcome);
        var page = browser.search(filter, QueryParameters.optionalNumber("before", before),
                QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
        long covered = browser.coveredUpTo();
        return new EntryPage(page.entries().stream().map(entry -> EntryView.of(entry, covered)).toList(), page.nextBefore());
    }

    @GetMapping("/entries/{seq}")
    @RequiresPermission(Permission.AUDIT_VIEW)
    EntryView entry(@PathVariable String seq, Locale locale) {
        long number = QueryParameters.number("seq", seq);
        return browser.view(number)
                .map(entry -> EntryView.of(entry, browser.coveredUpTo()))
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "audit.problem.noSuchEntry", locale, Long.toString(number)));
    }

    @GetMapping(value = "/entries/{seq}/proof", produces = MediaType.APPLICATION_JSON_VALUE)
    @RequiresPermission(Permission.AUDIT_VIEW)
    String proof(@PathVariable String seq, Locale locale) {
        long number = QueryParameters.number("seq", seq);
        var outcome = browser.proof(number);
        return outcome.proof().map(InclusionProof::toJson).orElseThrow(() -> switch (outcome.refusal().orElseThrow()) {
            case NO_SUCH_ENTRY -> problem(HttpStatus.NOT_FOUND, "audit.problem.noSuchEntry", locale, Long.toString(number));
            case NOT_YET_COVERED -> problem(HttpStatus.CONFLICT, "audit.problem.notYetCovered", locale, Long.toString(number));
        });
    }

    @GetMapping("/checkpoints")
    @RequiresPermission(Permission.AUDIT_VIEW)
    List<CheckpointView> checkpoints(@RequestParam(required = false) String before,
                                     @RequestParam(required = false) String limit) {
        return browser.checkpoints(QueryParameters.optionalNumber("before", before),
                        QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT))
                .stream().map(CheckpointView::of).toList();
    }

    /** The PEM text, whatever the client says it accepts: a key has only this form. */
    @GetMapping("/public-key")
    @RequiresPermission(Permission.AUDIT_VIEW)
    ResponseEntity<String> publicKey(Locale locale) {
        var key = browser.publicKey().orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "audit.problem.noKey", locale));
        return ResponseEntity.ok()
                .contentType(PEM)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"audit-public-key.pem\"")
                .body(AuditProofs.publicKeyPem(key));
    }

    @GetMapping("/export")
    @RequiresPermission(Permission.AUDIT_EXPORT)
    void export(@RequestParam(required = false) String format, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) String actor,
                @RequestParam(required = false) String action, @RequestParam(required = false) String target,
                @RequestParam(required = false) String outcome, HttpServletResponse response) throws IOException {
        var exportFormat = ExportFormat.named(format == null ? "json" : format);
        var filter = AuditFilter.parse(from, to, actor, action, target, outcome);
        AuditDownloads.prepare(response, exportFormat);
        browser.export(filter, exportFormat, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }

    @ExceptionHandler(InvalidAuditQueryException.class)
    ProblemDetail invalidQuery(InvalidAuditQueryException e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage(e.messageCode(), e.messageArguments(), locale));
    }

    private ErrorResponseException problem(HttpStatus status, String code, Locale locale, Object... arguments) {
        return new ErrorResponseException(status,
                ProblemDetail.forStatusAndDetail(status, messages.getMessage(code, arguments, locale)), null);
    }
}

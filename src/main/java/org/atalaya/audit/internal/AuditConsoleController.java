package org.atalaya.audit.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.audit.AuditProofs;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The auditor's pages: the log with filters (newest first, keyset paging), one entry with its proof, the status of
 * the signatures, the public key and exports. Read-only by design: there is nothing here to change the log with.
 */
@Controller
@RequestMapping("/audit")
class AuditConsoleController {

    static final int PAGE_SIZE = 50;

    private final AuditBrowser browser;
    private final MessageSource messages;

    AuditConsoleController(AuditBrowser browser, MessageSource messages) {
        this.browser = browser;
        this.messages = messages;
    }

    @GetMapping
    @RequiresPermission(Permission.AUDIT_VIEW)
    String log(@RequestParam Map<String, String> parameters,
               @RequestHeader(value = "HX-Request", required = false) String htmx,
               Model model, Locale locale) {
        model.addAttribute("pageTitle", messages.getMessage("audit.title", null, locale));
        model.addAttribute("form", formValues(parameters));
        model.addAttribute("status", browser.status());
        model.addAttribute("canExport", CurrentUser.get().map(user -> user.can(Permission.AUDIT_EXPORT)).orElse(false));
        try {
            var filter = AuditFilter.parse(parameters.get("from"), parameters.get("to"), parameters.get("actor"),
                    parameters.get("action"), parameters.get("target"), parameters.get("outcome"));
            var page = browser.search(filter, QueryParameters.optionalNumber("before", parameters.get("before")), PAGE_SIZE);
            long covered = browser.coveredUpTo();
            model.addAttribute("entries", page.entries().stream().map(entry -> EntryView.of(entry, covered)).toList());
            model.addAttribute("olderLink", page.nextBefore() == null ? null : link("/audit", filter, page.nextBefore()));
            model.addAttribute("newestLink", parameters.containsKey("before") ? link("/audit", filter, null) : null);
            model.addAttribute("exportCsvLink", exportLink(filter, ExportFormat.CSV));
            model.addAttribute("exportJsonLink", exportLink(filter, ExportFormat.JSON));
        } catch (InvalidAuditQueryException e) {
            model.addAttribute("filterError", messages.getMessage(e.messageCode(), e.messageArguments(), locale));
            model.addAttribute("entries", List.of());
        }
        return htmx != null ? "audit/log :: results" : "audit/log";
    }

    @GetMapping("/entries/{seq}")
    @RequiresPermission(Permission.AUDIT_VIEW)
    String entry(@PathVariable String seq, Model model, Locale locale) {
        long number = numberOrNotFound(seq);
        var stored = browser.view(number).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("pageTitle", messages.getMessage("audit.entry.title", new Object[] {Long.toString(number)}, locale));
        model.addAttribute("entry", EntryView.of(stored, browser.coveredUpTo()));
        model.addAttribute("intact", stored.intact());
        return "audit/entry";
    }

    @GetMapping("/entries/{seq}/proof")
    @RequiresPermission(Permission.AUDIT_VIEW)
    void proof(@PathVariable String seq, HttpServletResponse response) throws IOException {
        long number = numberOrNotFound(seq);
        var outcome = browser.proof(number);
        if (outcome.proof().isEmpty()) {
            throw new ResponseStatusException(outcome.refusal().orElseThrow() == ProofBuilder.Refusal.NO_SUCH_ENTRY
                    ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT);
        }
        AuditDownloads.attachment(response, "application/json", "audit-proof-" + number + ".json");
        response.getWriter().write(outcome.proof().get().toJson());
    }

    @GetMapping("/public-key")
    @RequiresPermission(Permission.AUDIT_VIEW)
    void publicKey(HttpServletResponse response) throws IOException {
        var key = browser.publicKey().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        AuditDownloads.attachment(response, "application/x-pem-file", "audit-public-key.pem");
        response.getWriter().write(AuditProofs.publicKeyPem(key));
    }

    @GetMapping("/export")
    @RequiresPermission(Permission.AUDIT_EXPORT)
    void export(@RequestParam Map<String, String> parameters, HttpServletResponse response) throws IOException {
        ExportFormat format;
        AuditFilter filter;
        try {
            format = ExportFormat.named(parameters.getOrDefault("format", "csv"));
            filter = AuditFilter.parse(parameters.get("from"), parameters.get("to"), parameters.get("actor"),
                    parameters.get("action"), parameters.get("target"), parameters.get("outcome"));
        } catch (InvalidAuditQueryException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        AuditDownloads.prepare(response, format);
        browser.export(filter, format, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }

    private static long numberOrNotFound(String seq) {
        try {
            return QueryParameters.number("seq", seq);
        } catch (InvalidAuditQueryException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** The form shows what the auditor typed, not the parsed values. */
    private static Map<String, String> formValues(Map<String, String> parameters) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String name : new String[] {"from", "to", "actor", "action", "target", "outcome"}) {
            form.put(name, parameters.getOrDefault(name, ""));
        }
        return form;
    }

    private static String link(String path, AuditFilter filter, Long before) {
        Map<String, String> query = new LinkedHashMap<>(filter.parameters());
        if (before != null) query.put("before", before.toString());
        return withQuery(path, query);
    }

    private static String exportLink(AuditFilter filter, ExportFormat format) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("format", format.extension);
        query.putAll(filter.parameters());
        return withQuery("/audit/export", query);
    }

    private static String withQuery(String path, Map<String, String> query) {
        if (query.isEmpty()) return path;
        return path + "?" + String.join("&", query.entrySet().stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8)).toList());
    }
}

package org.atalaya.kpi.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Response times over HTTP: the summary of a period as JSON, and its cases as CSV. Reading is not audited; a CSV
 * export is ({@code kpi.exported}, with the filter), before the first byte leaves.
 */
@RestController
@RequestMapping("/api/v1")
class ResponseTimesApiController {

    private final ResponseTimes responseTimes;
    private final AuditLog audit;

    ResponseTimesApiController(ResponseTimes responseTimes, AuditLog audit) {
        this.responseTimes = responseTimes;
        this.audit = audit;
    }

    @GetMapping(value = "/response-times", produces = MediaType.APPLICATION_JSON_VALUE)
    @RequiresPermission(Permission.RESPONSE_KPI_VIEW)
    KpiSummary summary(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                       @RequestParam(required = false) String agency, @RequestParam(required = false) String type) {
        var query = responseTimes.query(from, to, agency, type);
        return KpiSummary.of(query, responseTimes.report(query));
    }

    @GetMapping("/response-times.csv")
    @RequiresPermission(Permission.RESPONSE_KPI_VIEW)
    void csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
             @RequestParam(required = false) String agency, @RequestParam(required = false) String type,
             @RequestParam(required = false) String by, HttpServletResponse response) throws IOException {
        var query = responseTimes.query(from, to, agency, type);
        var kind = ResponseTimeCsv.RowKind.named(by);
        var data = responseTimes.data(query);
        audit.record(exported(query, kind));
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + kind.fileName() + "\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        ResponseTimeCsv.write(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), kind,
                query.period(), data, responseTimes.targets());
    }

    private static AuditEvent exported(KpiQuery query, ResponseTimeCsv.RowKind kind) {
        var event = AuditEvent.success("kpi.exported", "response-times")
                .with("from", query.period().firstDay().toString())
                .with("to", query.period().lastDay().toString())
                .with("zone", query.period().zone().getId())
                .with("by", kind.name().toLowerCase());
        if (query.agency() != null) event = event.with("agency", query.agency());
        if (query.typeCode() != null) event = event.with("type", query.typeCode());
        return event;
    }
}

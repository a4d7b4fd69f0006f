package org.atalaya.audit.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;

/** Response headers for files an auditor downloads. */
final class AuditDownloads {

    private AuditDownloads() {
    }

    static void prepare(HttpServletResponse response, ExportFormat format) {
        attachment(response, format.mediaType, "audit-log." + format.extension);
    }

    static void attachment(HttpServletResponse response, String mediaType, String fileName) {
        response.setContentType(mediaType);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}

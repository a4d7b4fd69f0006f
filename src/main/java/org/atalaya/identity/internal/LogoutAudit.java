package org.atalaya.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.audit.AuditWriteFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/**
 * Audits signing out. Unlike every other audited action, signing out goes ahead even if its entry cannot be
 * written: refusing it would leave a session open, which is the less safe of the two.
 */
@Component
class LogoutAudit implements LogoutHandler {

    private static final Logger log = LoggerFactory.getLogger(LogoutAudit.class);

    private final AuditLog audit;

    LogoutAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication == null) return;
        String username = authentication.getName();
        try {
            var event = AuditEvent.success("auth.logout", "user:" + username).by(username);
            if (authentication instanceof SessionSignIn signIn) event = event.with("unfinished", signIn.step().name());
            audit.record(event);
        } catch (AuditWriteFailedException e) {
            log.error("signed {} out, but the audit entry could not be written: {}", username, e.getMessage());
        }
    }
}

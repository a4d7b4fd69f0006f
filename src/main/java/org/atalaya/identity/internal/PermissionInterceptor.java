package org.atalaya.identity.internal;

import java.util.Set;
import java.util.stream.Collectors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.audit.AuditWriteFailedException;
import org.atalaya.identity.EndpointPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a request reach an Atalaya handler only if the handler declares what it needs and the user has it. A handler
 * that declares neither a permission nor that it is public is refused: forgetting fails closed. Refusals are audited.
 */
@Component
class PermissionInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(PermissionInterceptor.class);
    private static final String OUR_PACKAGES = "org.atalaya.";
    static final int TARGET_LENGTH = 200;
    static final int DETAIL_LENGTH = 2_000;

    private final AuditLog audit;

    PermissionInterceptor(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getName().startsWith(OUR_PACKAGES)) {
            return true;
        }
        Set<Permission> anyOf = switch (EndpointPermissions.of(method)) {
            case EndpointPermissions.Public open -> Set.of();
            case EndpointPermissions.Needs needs -> needs.anyOf();
            case EndpointPermissions.Undeclared undeclared -> throw refuse(request, null);
        };
        if (anyOf.isEmpty()) return true;
        if (CurrentUser.get().map(user -> anyOf.stream().anyMatch(user::can)).orElse(false)) return true;
        throw refuse(request, anyOf);
    }

    /**
     * Audits the refusal. The path is the client's to choose, so the entry's target holds its beginning only and the
     * details a longer part of it: a long path must not keep the refusal out of the log.
     */
    private PermissionDenied refuse(HttpServletRequest request, Set<Permission> needed) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try {
            audit.record(AuditEvent.denied("access.denied", shortened(path, TARGET_LENGTH))
                    .with("path", shortened(path, DETAIL_LENGTH)).with("method", shortened(request.getMethod(), 20))
                    .with("needs", needed == null ? "(undeclared)"
                            : needed.stream().map(Permission::name).sorted().collect(Collectors.joining(" or "))));
        } catch (AuditWriteFailedException e) {
            log.error("refused {} {}, but the audit entry could not be written: {}", request.getMethod(),
                    shortened(path, TARGET_LENGTH), e.getMessage());
        }
        return new PermissionDenied(needed, path);
    }

    static String shortened(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length) + "…";
    }
}

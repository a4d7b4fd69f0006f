package org.atalaya.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries {@code Authorization: Bearer atl_...} as the token's owner, for this request
 * only: no session, no cookie, and so no CSRF token needed. A request with an unknown or revoked token is answered
 * 401 at once, whatever else it carries; the token of a user who has yet to set up a required two-factor sign-in,
 * 403. Bad tokens count towards their own per-address rate limit, apart from failed sign-ins.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final ProblemResponses problems;

    BearerTokenFilter(ApiTokens tokens, SignInThrottle throttle, AuditLog audit, ProblemResponses problems) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.audit = audit;
        this.problems = problems;
    }

    static boolean carriesBearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesBearerToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        var blocked = throttle.tokensBlockedFor(address);
        if (blocked.isPresent()) {
            if (blocked.get().firstInWindow()) {
                audit.record(SignInService.rateLimited(address, "api-token", throttle.window()));
            }
            Duration wait = blocked.get().retryAfter();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "problem.throttled",
                    SignInService.wholeMinutes(wait));
            return;
        }
        String presented = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip();
        switch (tokens.authenticate(presented)) {
            case ApiTokens.Valid valid -> {
                SecurityContextHolder.setContext(new SecurityContextImpl(new SignedInAuthentication(valid.owner())));
                chain.doFilter(request, response);
            }
            case ApiTokens.EnrolmentRequired waiting -> {
                audit.record(AuditEvent.failure("auth.token", "user:" + waiting.owner()).by(waiting.owner())
                        .with("reason", "totp-enrolment-required"));
                problems.write(request, response, HttpStatus.FORBIDDEN, "problem.enrolmentRequired");
            }
            case ApiTokens.Invalid invalid -> {
                throttle.badTokenFrom(address);
                audit.record(AuditEvent.failure("auth.token", "token:" + ApiTokens.shownPrefix(presented))
                        .by(SignInService.ANONYMOUS).with("path", PermissionInterceptor.shortened(request.getRequestURI(),
                                PermissionInterceptor.DETAIL_LENGTH)));
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
                problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.badToken");
            }
        }
    }
}

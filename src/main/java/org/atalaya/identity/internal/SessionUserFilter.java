package org.atalaya.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns what a console session remembers into the request's user. A completed sign-in gets the user's permissions
 * as they are now (a disabled account's session ends here, and one whose role has come to require two-factor
 * sign-in goes back to enrolment); a half-finished one may only continue signing in or sign out, and is sent back to
 * its step from anywhere else.
 */
final class SessionUserFilter extends OncePerRequestFilter {

    private static final List<String> OPEN_WHILE_SIGNING_IN = List.of(
            "/login", "/logout", "/error", "/favicon.ico", "/css/", "/js/", "/img/", "/webjars/");

    private final SignedInUsers signedInUsers;
    private final SignInSessions sessions;
    private final ProblemResponses problems;

    SessionUserFilter(SignedInUsers signedInUsers, SignInSessions sessions, ProblemResponses problems) {
        this.signedInUsers = signedInUsers;
        this.sessions = sessions;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof SessionSignIn remembered) {
            SessionSignIn signIn = remembered;
            if (signIn.step() == SignInStep.COMPLETE) {
                var principal = signedInUsers.load(signIn.userId());
                if (principal.isEmpty()) {
                    var session = request.getSession(false);
                    if (session != null) session.invalidate();
                    SecurityContextHolder.clearContext();
                } else if (signedInUsers.enrolmentPending(signIn.userId())) {
                    sessions.advance(remembered, SignInStep.TOTP_ENROLMENT, request, response);
                    signIn = remembered.at(SignInStep.TOTP_ENROLMENT);
                } else {
                    SecurityContextHolder.setContext(
                            new SecurityContextImpl(new SignedInAuthentication(principal.get())));
                }
            }
            if (signIn.step() != SignInStep.COMPLETE && !openWhileSigningIn(request)) {
                if (ProblemResponses.wantsJson(request)) {
                    problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.signInUnfinished");
                } else {
                    response.sendRedirect(request.getContextPath() + signIn.step().page);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean openWhileSigningIn(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return OPEN_WHILE_SIGNING_IN.stream().anyMatch(open -> open.endsWith("/")
                ? path.startsWith(open)
                : path.equals(open) || path.startsWith(open + "/"));
    }
}

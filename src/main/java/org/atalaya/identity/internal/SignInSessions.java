package org.atalaya.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.atalaya.identity.IdentityProperties;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Moves a browser session through the sign-in steps. Each step gets a new session id (no fixation) and a new CSRF
 * token, and the session's idle timeout is set when it is first signed into.
 */
@Component
class SignInSessions {

    private final SecurityContextRepository contexts;
    private final SessionAuthenticationStrategy onSignIn;
    private final IdentityProperties properties;

    SignInSessions(SecurityContextRepository contexts, SessionAuthenticationStrategy onSignIn,
                   IdentityProperties properties) {
        this.contexts = contexts;
        this.onSignIn = onSignIn;
        this.properties = properties;
    }

    void begin(UserAccount user, SignInStep step, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true).setMaxInactiveInterval((int) properties.idleTimeout().toSeconds());
        store(new SessionSignIn(user.id(), user.username(), step), request, response);
    }

    void advance(SessionSignIn current, SignInStep next, HttpServletRequest request, HttpServletResponse response) {
        store(current.at(next), request, response);
    }

    /** The session's unfinished sign-in, if it is at the given step. */
    static Optional<SessionSignIn> pendingAt(SignInStep step) {
        return SecurityContextHolder.getContext().getAuthentication() instanceof SessionSignIn signIn && signIn.step() == step
                ? Optional.of(signIn) : Optional.empty();
    }

    void abandon(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        var session = request.getSession(false);
        if (session != null) session.invalidate();
    }

    private void store(SessionSignIn signIn, HttpServletRequest request, HttpServletResponse response) {
        onSignIn.onAuthentication(signIn, request, response);
        var context = new SecurityContextImpl(signIn);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}

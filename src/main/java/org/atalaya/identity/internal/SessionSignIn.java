package org.atalaya.identity.internal;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What a console session remembers about its user: who, and how far the sign-in has got. Permissions are not kept
 * here; they are read afresh on every request, so a change of roles or a disabled account takes effect at once.
 */
final class SessionSignIn implements Authentication {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long userId;
    private final String username;
    private final SignInStep step;

    SessionSignIn(long userId, String username, SignInStep step) {
        this.userId = userId;
        this.username = username;
        this.step = step;
    }

    long userId() {
        return userId;
    }

    SignInStep step() {
        return step;
    }

    SessionSignIn at(SignInStep next) {
        return new SessionSignIn(userId, username, next);
    }

    @Override
    public String getName() {
        return username;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of();
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getDetails() {
        return null;
    }

    /** The user name only: a half-finished sign-in must not look like a {@code SignedInUser}. */
    @Override
    public Object getPrincipal() {
        return username;
    }

    @Override
    public boolean isAuthenticated() {
        return step == SignInStep.COMPLETE;
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        throw new UnsupportedOperationException("the sign-in step decides whether a session is authenticated");
    }

    @Override
    public String toString() {
        return "SessionSignIn[" + username + ", " + step + "]";
    }
}

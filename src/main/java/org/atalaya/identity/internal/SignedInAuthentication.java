package org.atalaya.identity.internal;

import java.io.Serial;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The authentication of one request by a fully signed-in user; its authorities are the permission names. */
final class SignedInAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient AtalayaPrincipal principal;

    SignedInAuthentication(AtalayaPrincipal principal) {
        super(principal.permissions().stream().map(permission -> new SimpleGrantedAuthority(permission.name())).toList());
        this.principal = principal;
        super.setAuthenticated(true);
    }

    @Override
    public AtalayaPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return principal.username();
    }
}

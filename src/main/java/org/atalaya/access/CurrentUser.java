package org.atalaya.access;

import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;

/** Finds the signed-in user of the current request, whether they came through the console or with an API token. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<SignedInUser> get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }
}

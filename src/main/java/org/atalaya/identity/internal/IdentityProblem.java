package org.atalaya.identity.internal;

import org.springframework.http.HttpStatus;

/**
 * A request the identity rules refuse, with a message key from {@code i18n/identity} that says why in words the
 * user understands; pages show it as a flash message, the API as a problem detail.
 */
class IdentityProblem extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] arguments;

    private IdentityProblem(HttpStatus status, String messageKey, Object... arguments) {
        super(messageKey, null, false, false);
        this.status = status;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    static IdentityProblem invalid(String messageKey, Object... arguments) {
        return new IdentityProblem(HttpStatus.BAD_REQUEST, messageKey, arguments);
    }

    static IdentityProblem conflict(String messageKey, Object... arguments) {
        return new IdentityProblem(HttpStatus.CONFLICT, messageKey, arguments);
    }

    static IdentityProblem notFound(String messageKey, Object... arguments) {
        return new IdentityProblem(HttpStatus.NOT_FOUND, messageKey, arguments);
    }

    static BeyondAuthority beyondAuthority(String messageKey, Object... arguments) {
        return new BeyondAuthority(messageKey, arguments);
    }

    /**
     * Refused because the actor would give or reach more than they hold themselves (403). It is audited as denied
     * before anything changes, so transactions let it pass without rolling back that entry.
     */
    static final class BeyondAuthority extends IdentityProblem {

        private BeyondAuthority(String messageKey, Object... arguments) {
            super(HttpStatus.FORBIDDEN, messageKey, arguments);
        }
    }

    HttpStatus status() {
        return status;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments.clone();
    }
}

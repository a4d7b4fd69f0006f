package org.atalaya.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How people sign in and how long a session lasts.
 *
 * @param idleTimeout          a console session ends after this long without a request
 * @param maxFailedAttempts    consecutive failed sign-ins (wrong password or second-factor code, or a wrong current
 *                             password given to change the password or turn off two-factor sign-in) that lock an
 *                             account
 * @param lockoutDuration      how long a locked account stays locked
 * @param rateLimitAttempts    failed sign-ins from one client address within {@code rateLimitWindow} after which
 *                             that address is refused (HTTP 429) until the window has passed; bad API tokens are
 *                             counted apart, against the same limit. Counted in memory per server node; the start of
 *                             each refusal is audited once per window ({@code auth.rate-limit}). Behind a reverse
 *                             proxy, set {@code server.forward-headers-strategy} so the client's address is seen
 *                             rather than the proxy's
 * @param rateLimitWindow      the sliding window for {@code rateLimitAttempts}
 * @param totpIssuer           the name an authenticator app shows next to the account
 * @param minPasswordLength    the shortest password accepted (never less than 12)
 */
@ConfigurationProperties("atalaya.identity")
public record IdentityProperties(
        Duration idleTimeout,
        Integer maxFailedAttempts,
        Duration lockoutDuration,
        Integer rateLimitAttempts,
        Duration rateLimitWindow,
        String totpIssuer,
        Integer minPasswordLength) {

    private static final int SHORTEST_PASSWORD = 12;

    public IdentityProperties {
        if (idleTimeout == null) idleTimeout = Duration.ofMinutes(15);
        if (maxFailedAttempts == null) maxFailedAttempts = 5;
        if (lockoutDuration == null) lockoutDuration = Duration.ofMinutes(15);
        if (rateLimitAttempts == null) rateLimitAttempts = 20;
        if (rateLimitWindow == null) rateLimitWindow = Duration.ofMinutes(5);
        if (totpIssuer == null || totpIssuer.isBlank()) totpIssuer = "Atalaya";
        if (minPasswordLength == null || minPasswordLength < SHORTEST_PASSWORD) minPasswordLength = SHORTEST_PASSWORD;
        if (maxFailedAttempts < 1) throw new IllegalArgumentException("atalaya.identity.max-failed-attempts must be at least 1");
        if (rateLimitAttempts < 1) throw new IllegalArgumentException("atalaya.identity.rate-limit-attempts must be at least 1");
    }
}

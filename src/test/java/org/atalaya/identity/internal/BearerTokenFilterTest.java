package org.atalaya.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.atalaya.audit.AuditLog;
import org.atalaya.identity.IdentityProperties;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

/** Failed sign-ins and bad tokens from one address are counted apart, with a throttle of this test's own. */
@AtalayaTest
class BearerTokenFilterTest {

    private static final int LIMIT = 3;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AuditLog audit;

    @Autowired
    ProblemResponses problems;

    @Autowired
    UserAdministration administration;

    @Autowired
    UserAccounts accounts;

    private final SignInThrottle throttle = new SignInThrottle(Clock.systemUTC(),
            new IdentityProperties(null, 5, null, LIMIT, Duration.ofMinutes(5), null, null));

    @AfterEach
    void forgetTheUser() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void failedSignInsFromAnAddressDoNotStopItsValidTokens() {
        String token = accounts.issueToken(Fixtures.user(administration, "script", "operator"), "script");
        for (int i = 0; i < LIMIT; i++) throttle.failedFrom("192.0.2.80");

        var response = present(token, "192.0.2.80");

        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void badTokensFromAnAddressStopItsTokensButNotItsSignIns() {
        String token = accounts.issueToken(Fixtures.user(administration, "script", "operator"), "script");
        for (int i = 0; i < LIMIT; i++) {
            assertThat(present("atl_" + "x".repeat(43), "192.0.2.81").getStatus()).isEqualTo(401);
        }

        var response = present(token, "192.0.2.81");

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isNotNull();
        assertThat(throttle.blockedFor("192.0.2.81")).isEmpty();
    }

    private MockHttpServletResponse present(String token, String address) {
        var request = new MockHttpServletRequest("GET", "/api/v1/me");
        request.setRemoteAddr(address);
        request.addHeader("Authorization", "Bearer " + token);
        var response = new MockHttpServletResponse();
        try {
            new BearerTokenFilter(tokens, throttle, audit, problems).doFilter(request, response, new MockFilterChain());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return response;
    }
}

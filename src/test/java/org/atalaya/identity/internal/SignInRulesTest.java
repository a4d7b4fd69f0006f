package org.atalaya.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.atalaya.audit.AuditLog;
import org.atalaya.identity.IdentityProperties;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The sign-in rules behind the login page, called the way the page calls them, each from its own address. */
@AtalayaTest
class SignInRulesTest {

    @Autowired
    SignInService signIn;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    UserAdministration administration;

    @Autowired
    IdentityProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserStore users;

    @Autowired
    TotpSecrets secrets;

    @Autowired
    AuditLog audit;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        String username = Fixtures.user(administration, "locked", "operator");
        String address = "198.51.100.1";
        for (int i = 1; i < 5; i++) {
            assertThat(signIn.password(username, "wrong password " + i, address)).isInstanceOf(SignInService.Refused.class);
        }

        var fifth = signIn.password(username, "wrong password 5", address);
        var rightPassword = signIn.password(username, Fixtures.PASSWORD, address);

        assertThat(fifth).isInstanceOfSatisfying(SignInService.Locked.class, locked -> assertThat(locked.until())
                .isBetween(Instant.now().plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(16))));
        assertThat(rightPassword).isInstanceOf(SignInService.Locked.class);
        assertThat(Audit.count(jdbc, "auth.lockout", "SUCCESS", "user:" + username)).isEqualTo(1);
        assertThat(Audit.count(jdbc, "auth.login", "FAILURE", "user:" + username)).isEqualTo(6);

        administration.unlock(username);
        assertThat(signIn.password(username, Fixtures.PASSWORD, address)).isInstanceOf(SignInService.Proceed.class);
    }

    @Test
    void aSuccessfulSignInForgetsEarlierFailures() {
        String username = Fixtures.user(administration, "forgiven", "operator");
        String address = "198.51.100.2";
        for (int i = 0; i < 4; i++) signIn.password(username, "wrong", address);

        signIn.password(username, Fixtures.PASSWORD, address);

        for (int i = 0; i < 4; i++) {
            assertThat(signIn.password(username, "wrong again", address)).isInstanceOf(SignInService.Refused.class);
        }
    }

    @Test
    void aNameThatIsNoAccountLocksJustTheSame() {
        String nobody = Fixtures.uniqueName("phantom");
        String address = "198.51.100.3";
        for (int i = 1; i < 5; i++) {
            assertThat(signIn.password(nobody, "guess " + i, address)).isEqualTo(new SignInService.Refused("login.failed"));
        }

        assertThat(signIn.password(nobody, "guess 5", address)).isInstanceOf(SignInService.Locked.class);
        assertThat(signIn.password(nobody, "guess 6", address)).isInstanceOf(SignInService.Locked.class);
    }

    @Test
    void tooManyFailuresFromOneAddressAreRefusedUntilTheWindowPasses() {
        String username = Fixtures.user(administration, "crowd", "operator");
        String address = "203.0.113.77";
        for (int i = 0; i < properties.rateLimitAttempts(); i++) throttle.failedFrom(address);

        var attempt = signIn.password(username, Fixtures.PASSWORD, address);

        assertThat(attempt).isInstanceOfSatisfying(SignInService.Throttled.class,
                throttled -> assertThat(throttled.retryAfter()).isPositive().isLessThanOrEqualTo(properties.rateLimitWindow()));
        assertThat(signIn.password(username, Fixtures.PASSWORD, "203.0.113.78")).isInstanceOf(SignInService.Proceed.class);
    }

    @Test
    void theStartOfThrottlingIsAuditedOnceNotEveryRefusal() {
        String username = Fixtures.user(administration, "hammered", "operator");
        String address = "203.0.113.79";
        for (int i = 0; i < properties.rateLimitAttempts(); i++) throttle.failedFrom(address);

        for (int i = 0; i < 5; i++) {
            assertThat(signIn.password(username, "guess " + i, address)).isInstanceOf(SignInService.Throttled.class);
        }

        assertThat(Audit.count(jdbc, "auth.rate-limit", "SUCCESS", "address:" + address)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT details ->> 'window' FROM audit_entry WHERE action = 'auth.rate-limit' AND target = ?")
                .param("address:" + address).query(String.class).single()).isEqualTo(properties.rateLimitWindow().toString());
        assertThat(Audit.count(jdbc, "auth.login", "FAILURE", "user:" + username)).isZero();
    }

    @Test
    void aLockedAccountCostsAPasswordHashLikeAnyOtherAttempt() {
        String username = Fixtures.user(administration, "timed", "operator");
        users.recordFailure(users.byUsername(username).orElseThrow().id(), 0, Instant.now().plus(Duration.ofMinutes(10)));
        var encoder = new PasswordsTest.RecordingEncoder();
        var recording = new SignInService(users, new Passwords(properties, encoder), secrets, throttle, audit, properties, clock);
        var transaction = new TransactionTemplate(transactions);

        var locked = transaction.execute(status -> recording.password(username, "a guess", "198.51.100.30"));
        var unknown = transaction.execute(status -> recording.password(Fixtures.uniqueName("nobody"), "a guess", "198.51.100.30"));

        assertThat(locked).isInstanceOf(SignInService.Locked.class);
        assertThat(unknown).isInstanceOf(SignInService.Refused.class);
        assertThat(encoder.checked).hasSize(2);
    }

    @Test
    void aNameNoAccountCanHaveIsAWrongNameNotAnError() {
        assertThat(signIn.password("nul\u0000name", "a guess", "198.51.100.31")).isEqualTo(new SignInService.Refused("login.failed"));
        assertThat(signIn.password("x".repeat(10_000), "a guess", "198.51.100.31")).isEqualTo(new SignInService.Refused("login.failed"));
    }

    @Test
    void aDisabledAccountSaysSoOnlyToWhoeverKnowsThePassword() {
        String username = Fixtures.user(administration, "paused", "operator");
        administration.setEnabled(username, false);

        assertThat(signIn.password(username, "wrong", "198.51.100.4")).isEqualTo(new SignInService.Refused("login.failed"));
        assertThat(signIn.password(username, Fixtures.PASSWORD, "198.51.100.4")).isEqualTo(new SignInService.Refused("login.disabled"));
    }
}

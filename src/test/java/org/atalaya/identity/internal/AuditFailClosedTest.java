package org.atalaya.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.atalaya.audit.AuditLog;
import org.atalaya.audit.AuditWriteFailedException;
import org.atalaya.identity.IdentityProperties;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Without its audit entry nothing happens: the sign-in is refused and its effects are rolled back with it. */
@AtalayaTest
class AuditFailClosedTest {

    private static final AuditLog UNWRITABLE = event -> {
        throw new AuditWriteFailedException("the audit log cannot be written", null);
    };

    @Autowired
    UserStore users;

    @Autowired
    Passwords passwords;

    @Autowired
    TotpSecrets secrets;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    IdentityProperties properties;

    @Autowired
    Clock clock;

    @Autowired
    UserAdministration administration;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSignInThatCannotBeAuditedDoesNotHappen() {
        String username = Fixtures.user(administration, "unaudited", "operator");
        long id = users.byUsername(username).orElseThrow().id();
        users.recordFailure(id, 2, null);
        var signIn = new SignInService(users, passwords, secrets, throttle, UNWRITABLE, properties, clock);

        assertThatThrownBy(() -> new TransactionTemplate(transactions).execute(
                status -> signIn.password(username, Fixtures.PASSWORD, "198.51.100.20")))
                .isInstanceOf(AuditWriteFailedException.class);
        assertThat(users.byId(id).orElseThrow().failedAttempts()).isEqualTo(2);
    }

    @Test
    void aTokenThatCannotBeAuditedIsNotIssued() {
        String username = Fixtures.user(administration, "untokened", "operator");
        var store = new TokenStore(jdbc);
        var tokens = new ApiTokens(store, users, null, UNWRITABLE, clock);

        assertThatThrownBy(() -> new TransactionTemplate(transactions).execute(
                status -> tokens.issue(username, "never", null, "test")))
                .isInstanceOf(AuditWriteFailedException.class);
        assertThat(store.ofUser(users.byUsername(username).orElseThrow().id())).isEmpty();
    }
}

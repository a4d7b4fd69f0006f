package org.atalaya.intake.internal;

import org.atalaya.access.SignedInUser;
import org.atalaya.access.Permission;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.time.Clock;
import org.atalaya.audit.AuditLog;
import org.atalaya.identity.UserAccounts;
import org.atalaya.incident.Incidents;
import org.atalaya.telephony.EmergencyLines;
import org.atalaya.telephony.CallerLocation;
import org.atalaya.telephony.EmergencyCallEnded;
import org.atalaya.telephony.EmergencyCallOffered;
import org.atalaya.test.TestAccounts;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Calls offered and ended as telephony reports them, call-takers, and what the audit log holds about calls. */
final class CallFixtures {

    static final String PASSWORD = "a-long-call-intake-passphrase";

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final ApplicationEventPublisher events;

    CallFixtures(JdbcClient jdbc, UserAccounts accounts, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.events = events;
    }

    /** The application's call desk, but with the SIP side played by the given line. */
    static CallDesk deskWith(EmergencyLines line, ApplicationContext context) {
        return new CallDesk(context.getBean(CallStore.class), context.getBean(CallViews.class),
                context.getBean(CallStream.class), line, context.getBean(Incidents.class),
                context.getBean(IntakeValidation.class), context.getBean(AuditLog.class),
                context.getBean(TransactionTemplate.class), context.getBean(MessageSource.class),
                context.getBean(Clock.class));
    }

    /** A call-taker with the built-in role and {@link #PASSWORD}; returns the user name. */
    String callTaker() {
        String username = TestAccounts.unique("intake-taker");
        accounts.create(username, "Call taker " + username, PASSWORD, Set.of("call-taker"));
        return username;
    }

    String callTakerToken() {
        return accounts.issueToken(callTaker(), "intake tests");
    }

    /** A signed-in call-taker as the call desk sees one, for calling the desk directly. */
    record CallTaker(String username) implements SignedInUser {
        @Override
        public String displayName() {
            return username;
        }

        @Override
        public boolean can(Permission permission) {
            return permission == Permission.CALL_INTAKE;
        }

        @Override
        public boolean can(Permission permission, String cameraGroup) {
            return false;
        }

        @Override
        public Set<Permission> permissions() {
            return Set.of(Permission.CALL_INTAKE);
        }
    }

    /** A SIP call id nobody else uses. */
    static String sipCallId() {
        return "intake-" + UUID.randomUUID() + "@192.0.2.10";
    }

    /** A point near San Salvador de Jujuy that no other test uses (a few kilometres apart at random). */
    static double[] somewhere() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new double[]{-24.60 + random.nextDouble() * 0.25, -65.40 + random.nextDouble() * 0.25};
    }

    /** Offers a SIP call as telephony does (synchronously, outside a transaction); returns the stored call's id. */
    long offer(String sipCallId, String callerUri, String callerName, CallerLocation location, String problem,
               Instant at) {
        events.publishEvent(new EmergencyCallOffered(sipCallId, callerUri, callerName, at, location, problem));
        return jdbc.sql("SELECT id FROM calls WHERE sip_call_id = ?").param(sipCallId).query(Long.class).single();
    }

    void end(String sipCallId, Instant at, boolean answered) {
        events.publishEvent(new EmergencyCallEnded(sipCallId, at, answered));
    }

    int audited(String action, String target) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND target = ?").param(action).param(target)
                .query(Integer.class).single();
    }

    String lastActor(String action, String target) {
        return jdbc.sql("SELECT actor FROM audit_entry WHERE action = ? AND target = ? ORDER BY seq DESC LIMIT 1")
                .param(action).param(target).query(String.class).optional().orElse(null);
    }
}

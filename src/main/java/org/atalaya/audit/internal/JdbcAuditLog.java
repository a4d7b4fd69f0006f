package org.atalaya.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.SignedInUser;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.audit.AuditWriteFailed;
import org.atalaya.audit.AuditWriteFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends entries inside the caller's transaction (or a new one), so an action and its entry commit or roll back
 * together. A transaction-scoped advisory lock serialises appends across threads, nodes and command-line tools, which
 * keeps sequence numbers gapless and in commit order; the lock is held until the caller's transaction ends, so
 * callers record at the end of their work.
 */
@Component
class JdbcAuditLog implements AuditLog {

    /** Any fixed number shared by every writer; "ATALAYA" in ASCII. */
    static final long APPEND_LOCK = 0x4154414C415941L;

    private static final Logger log = LoggerFactory.getLogger(JdbcAuditLog.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    JdbcAuditLog(JdbcClient jdbc, PlatformTransactionManager transactionManager, ObjectProvider<Clock> clock,
                 ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public long record(AuditEvent event) {
        String actor = actorOf(event);
        String sourceAddress = currentSourceAddress();
        try {
            Long seq = transactions.execute(status -> append(event, actor, sourceAddress));
            if (seq == null) throw new IllegalStateException("no sequence number was assigned");
            return seq;
        } catch (RuntimeException e) {
            String reason = firstLine(NestedExceptionUtils.getMostSpecificCause(e));
            log.error("Could not write the audit entry for {}: {}", event.action(), reason);
            publishFailure(reason);
            throw new AuditWriteFailedException(
                    "The audit log could not record " + event.action() + ", so the action was not carried out.", e);
        }
    }

    private long append(AuditEvent event, String actor, String sourceAddress) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(APPEND_LOCK).query().listOfRows();
        long seq = jdbc.sql("SELECT coalesce(max(seq), 0) + 1 FROM audit_entry").query(Long.class).single();
        Map<String, String> details = new TreeMap<>();
        event.details().forEach((key, value) -> details.put(CanonicalJson.storable(key), CanonicalJson.storable(value)));
        var entry = new AuditEntry(seq, clock.instant(), CanonicalJson.storable(actor), CanonicalJson.storable(event.action()),
                event.outcome().name(), CanonicalJson.storable(event.target()), CanonicalJson.storable(event.reason()),
                CanonicalJson.storable(event.caseNumber()), CanonicalJson.storable(sourceAddress), details);
        jdbc.sql("""
                        INSERT INTO audit_entry (seq, recorded_at, actor, action, outcome, target, reason, case_number,
                                                 source_address, details, leaf_hash)
                        VALUES (:seq, :recordedAt, :actor, :action, :outcome, :target, :reason, :caseNumber,
                                :sourceAddress, CAST(:details AS jsonb), :leafHash)""")
                .param("seq", seq)
                .param("recordedAt", OffsetDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC))
                .param("actor", entry.actor())
                .param("action", entry.action())
                .param("outcome", entry.outcome())
                .param("target", entry.target())
                .param("reason", entry.reason())
                .param("caseNumber", entry.caseNumber())
                .param("sourceAddress", entry.sourceAddress())
                .param("details", entry.detailsJson())
                .param("leafHash", entry.leafHash().bytes())
                .update();
        return seq;
    }

    /** Tells listeners (the alarm queue) before the failure reaches the caller; their own failures stay theirs. */
    private void publishFailure(String reason) {
        try {
            events.publishEvent(new AuditWriteFailed(clock.instant(), reason));
        } catch (RuntimeException e) {
            log.warn("A listener to the audit write failure failed: {}", e.getMessage());
        }
    }

    /** The database's own words, without the row it refused (which may be long). */
    private static String firstLine(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** The given actor, else the signed-in user, else whoever Spring Security knows, else {@code system}. */
    private static String actorOf(AuditEvent event) {
        if (event.actor() != null && !event.actor().isBlank()) return event.actor();
        var signedIn = CurrentUser.get().map(SignedInUser::username);
        if (signedIn.isPresent()) return signedIn.get();
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof AnonymousAuthenticationToken) return "anonymous";
        if (authentication != null && authentication.getName() != null && !authentication.getName().isBlank()) {
            return authentication.getName();
        }
        return "system";
    }

    private static String currentSourceAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}

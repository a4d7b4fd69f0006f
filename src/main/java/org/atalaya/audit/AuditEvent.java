package org.atalaya.audit;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One thing that happened and must be accountable: who did what to which target, with what outcome, and why.
 *
 * @param action    dotted verb, e.g. {@code auth.login} or {@code user.role.grant}
 * @param outcome   what came of it
 * @param actor     the user name, or {@code null} to take the signed-in user (or {@code system} outside a request)
 * @param target    what was acted on, e.g. {@code user:alice} or {@code camera:12}; may be {@code null}
 * @param reason    the reason given by the actor (required for access to recorded video); may be {@code null}
 * @param caseNumber the case the access belongs to; may be {@code null}
 * @param details   further facts, kept sorted by key; never secrets
 */
public record AuditEvent(
        String action,
        Outcome outcome,
        String actor,
        String target,
        String reason,
        String caseNumber,
        Map<String, String> details) {

    public enum Outcome { SUCCESS, FAILURE, DENIED }

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(details));
    }

    public static AuditEvent success(String action, String target) {
        return new AuditEvent(action, Outcome.SUCCESS, null, target, null, null, Map.of());
    }

    public static AuditEvent failure(String action, String target) {
        return new AuditEvent(action, Outcome.FAILURE, null, target, null, null, Map.of());
    }

    public static AuditEvent denied(String action, String target) {
        return new AuditEvent(action, Outcome.DENIED, null, target, null, null, Map.of());
    }

    public AuditEvent by(String actorName) {
        return new AuditEvent(action, outcome, actorName, target, reason, caseNumber, details);
    }

    public AuditEvent because(String givenReason, String givenCaseNumber) {
        return new AuditEvent(action, outcome, actor, target, givenReason, givenCaseNumber, details);
    }

    public AuditEvent with(String key, String value) {
        var more = new TreeMap<>(details);
        more.put(key, value);
        return new AuditEvent(action, outcome, actor, target, reason, caseNumber, more);
    }
}

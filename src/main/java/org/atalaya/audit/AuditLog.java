package org.atalaya.audit;

/**
 * The one way into the tamper-evident audit log. An entry is written in the caller's transaction, so an action and
 * its audit entry commit or fail together: if the entry cannot be written, {@link AuditWriteFailedException} is
 * thrown and the action must not go ahead (fail closed).
 */
public interface AuditLog {

    /**
     * Appends the event. The actor defaults to the signed-in user and the source address to the current request's.
     *
     * @return the entry's sequence number in the log
     */
    long record(AuditEvent event);
}

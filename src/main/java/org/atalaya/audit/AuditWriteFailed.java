package org.atalaya.audit;

import java.time.Instant;

/**
 * An audit entry could not be written, so the action it belonged to was refused. Published as a plain application
 * event, synchronously, just before {@link AuditWriteFailedException} is thrown: listeners hear it even though the
 * failing transaction rolls back, and must not depend on that transaction.
 *
 * @param reason what went wrong, in the database's words (never the entry's content)
 */
public record AuditWriteFailed(Instant at, String reason) {
}

package org.atalaya.audit;

/** The audit entry could not be written; the audited action is refused with it. */
public class AuditWriteFailedException extends RuntimeException {
    public AuditWriteFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

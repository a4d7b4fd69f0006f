package org.atalaya.audit.internal;

/** A search or paging parameter that cannot be understood; the message code is {@code audit.invalid.<parameter>}. */
class InvalidAuditQueryException extends RuntimeException {

    private final String parameter;
    private final String value;

    InvalidAuditQueryException(String parameter, String value) {
        super("invalid value for " + parameter);
        this.parameter = parameter;
        this.value = value;
    }

    String messageCode() {
        return "audit.invalid." + parameter;
    }

    Object[] messageArguments() {
        return new Object[] {value};
    }
}

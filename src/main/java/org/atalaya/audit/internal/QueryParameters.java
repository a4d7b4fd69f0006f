package org.atalaya.audit.internal;

/** Numbers in paths and query strings, refused with {@link InvalidAuditQueryException} when they are not numbers. */
final class QueryParameters {

    private QueryParameters() {
    }

    static long number(String name, String value) {
        try {
            long number = Long.parseLong(value == null ? "" : value.strip());
            if (number >= 1) return number;
        } catch (NumberFormatException ignored) {
            // refused below with the parameter's own message
        }
        throw new InvalidAuditQueryException(name, value);
    }

    static Long optionalNumber(String name, String value) {
        return value == null || value.isBlank() ? null : number(name, value);
    }

    static int limit(String value, int defaultLimit, int maxLimit) {
        Long given = optionalNumber("limit", value);
        if (given == null) return defaultLimit;
        if (given > maxLimit) throw new InvalidAuditQueryException("limit", value);
        return given.intValue();
    }
}

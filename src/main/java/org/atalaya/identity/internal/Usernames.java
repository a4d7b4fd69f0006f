package org.atalaya.identity.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** User names are lower case: letters, digits, dot, dash, underscore; 2 to 64 characters, starting with a letter or digit. */
final class Usernames {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final int SHOWN_LENGTH = 64;

    private Usernames() {
    }

    /** How a typed name is looked up: trimmed and lower case. */
    static String normalise(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }

    static boolean valid(String username) {
        return VALID.matcher(username).matches();
    }

    /** A typed name fit for an audit entry: no control characters, not overly long. */
    static String forAudit(String typed) {
        var cleaned = normalise(typed).replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > SHOWN_LENGTH ? cleaned.substring(0, SHOWN_LENGTH) + "…" : cleaned;
    }
}

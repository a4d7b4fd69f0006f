package org.atalaya.media.internal;

import java.util.regex.Pattern;

/** Removes passwords from text that may contain URLs, such as ffmpeg's error lines. */
final class UrlCredentials {

    /** {@code scheme://user:password@}; user information cannot hold an unencoded / ? # or @ (RFC 3986). */
    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^\\s/?#@]+@");
    /** A URL cut off before its host: whatever follows {@code scheme://} may be the start of a password. */
    private static final Pattern CUT_USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^\\s/?#@]+$");

    private UrlCredentials() {
    }

    static String redact(String text) {
        return USER_INFO.matcher(text).replaceAll("$1***@");
    }

    /** Like {@link #redact}, for text that was cut off at its end. */
    static String redactCut(String text) {
        return CUT_USER_INFO.matcher(redact(text)).replaceAll("$1***");
    }
}

package org.atalaya.intake.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The number a person dials back, read from the caller's SIP or tel URI. */
final class CallerNumber {

    private static final Pattern USER_PART = Pattern.compile("^(?:sips?|tel):([^@;>?]+)", Pattern.CASE_INSENSITIVE);

    private CallerNumber() {
    }

    /**
     * {@code sip:+543884123456@carrier.example;user=phone} gives {@code +543884123456}, {@code tel:+54-388-412}
     * gives {@code +54-388-412}; null when the URI names no user.
     */
    static String of(String uri) {
        if (uri == null) return null;
        String bare = uri.strip();
        if (bare.startsWith("<")) bare = bare.substring(1);
        Matcher user = USER_PART.matcher(bare);
        if (!user.find()) return null;
        String number = user.group(1).strip();
        return number.isEmpty() ? null : number;
    }
}

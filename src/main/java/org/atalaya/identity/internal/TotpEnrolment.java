package org.atalaya.identity.internal;

import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What an authenticator app needs to add an account: the secret in base32, the {@code otpauth://} URI and its QR
 * code. The secret waits in the session, sealed, until the user confirms it with a first code.
 */
record TotpEnrolment(String secret, String uri, String qrCode) {

    private static final String PENDING_SECRET = "atalaya.identity.pendingTotpSecret";

    static TotpEnrolment of(byte[] secret, String issuer, String username) {
        String base32 = Base32.encode(secret);
        String uri = "otpauth://totp/" + encode(issuer + ":" + username) + "?secret=" + base32 + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
        return new TotpEnrolment(base32, uri, QrCodes.svgDataUri(uri));
    }

    /**
     * The secret being enrolled in this session, made on first use. Sessions are stored in the database, so the
     * secret is kept there sealed and bound to the user; one that no longer opens is replaced by a new one.
     */
    static byte[] pendingSecret(HttpSession session, TotpSecrets secrets, long userId) {
        if (session.getAttribute(PENDING_SECRET) instanceof String sealed) {
            var pending = secrets.openPending(userId, sealed);
            if (pending.isPresent()) return pending.get();
        }
        byte[] fresh = secrets.newSecret();
        session.setAttribute(PENDING_SECRET, secrets.sealPending(userId, fresh));
        return fresh;
    }

    static boolean enrolling(HttpSession session) {
        return session != null && session.getAttribute(PENDING_SECRET) != null;
    }

    static void finish(HttpSession session) {
        session.removeAttribute(PENDING_SECRET);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "TotpEnrolment[…]";
    }
}

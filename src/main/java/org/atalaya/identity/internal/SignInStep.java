package org.atalaya.identity.internal;

/** Where a sign-in stands. Until it is {@link #COMPLETE} the session carries no permissions at all. */
enum SignInStep {
    SECOND_FACTOR("/login/totp"),
    PASSWORD_CHANGE("/login/password"),
    TOTP_ENROLMENT("/login/enrol"),
    COMPLETE("/");

    final String page;

    SignInStep(String page) {
        this.page = page;
    }
}

package org.atalaya.telephony.internal;

import org.springframework.context.ApplicationContext;

/** Where the running application's SIP user agent listens, for tests outside the telephony module. */
public final class SipPorts {

    private SipPorts() {
    }

    /** The local port (UDP and TCP) of the application's SIP user agent. */
    public static int of(ApplicationContext application) {
        return application.getBean(SipUserAgent.class).port();
    }
}

package org.atalaya.telephony.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SIP user agent that receives emergency calls.
 *
 * @param enabled     whether the user agent runs at all (default true)
 * @param bindAddress the local address the user agent listens on (default 127.0.0.1: loopback only, so that nothing
 *                    outside the machine can place calls until the centre deliberately opens it to its ESRP or
 *                    session border controller)
 * @param port        the SIP port for every transport (default 5060; 0 picks a free port at start)
 * @param transports  the transports to listen on, {@code udp} and/or {@code tcp} (default both)
 * @param userAgent   the name the user agent gives in its Server and Contact headers (default {@code Atalaya})
 * @param maxCalls    how many ringing or answered calls are kept at once; a call beyond that is answered
 *                    486 Busy Here (default 200)
 * @param ringTimeout how long a call may ring unanswered before it is refused with 480 and counted as abandoned
 *                    (default 120 seconds)
 */
@ConfigurationProperties("atalaya.telephony")
record TelephonyProperties(Boolean enabled, String bindAddress, Integer port, List<String> transports,
                           String userAgent, Integer maxCalls, Duration ringTimeout) {

    TelephonyProperties {
        if (enabled == null) enabled = true;
        if (bindAddress == null || bindAddress.isBlank()) bindAddress = "127.0.0.1";
        if (port == null) port = 5060;
        if (port < 0 || port > 65535) throw new IllegalArgumentException("atalaya.telephony.port must be 0..65535");
        transports = transports == null || transports.isEmpty()
                ? List.of("udp", "tcp")
                : transports.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).distinct().toList();
        for (String transport : transports) {
            if (!transport.equals("udp") && !transport.equals("tcp")) {
                throw new IllegalArgumentException("atalaya.telephony.transports: only udp and tcp, not " + transport);
            }
        }
        if (userAgent == null || userAgent.isBlank()) userAgent = "Atalaya";
        if (maxCalls == null || maxCalls <= 0) maxCalls = 200;
        if (ringTimeout == null || !ringTimeout.isPositive()) ringTimeout = Duration.ofSeconds(120);
    }
}

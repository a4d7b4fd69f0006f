package org.atalaya.telephony.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The SDP answer of a user agent that takes no media (RFC 3264 §6): every offered stream is declined with port 0, so
 * the caller's equipment knows at once that no voice will flow through this path.
 */
final class SdpAnswer {

    private SdpAnswer() {
    }

    /**
     * @param offer     the caller's SDP, or null when the INVITE carried none (then this is an offer of one declined
     *                  audio stream)
     * @param address   our IP address, for the origin and connection lines
     * @param sessionId a number that identifies this session in the origin line
     */
    static String forOffer(String offer, String address, long sessionId) {
        List<String> media = new ArrayList<>();
        if (offer != null) {
            for (String line : offer.split("\r?\n")) {
                if (!line.startsWith("m=")) continue;
                String[] fields = line.substring(2).trim().split("\\s+");
                if (fields.length >= 4) media.add("m=" + fields[0] + " 0 " + fields[2] + " " + fields[3]);
            }
        }
        if (media.isEmpty()) media.add("m=audio 0 RTP/AVP 0");
        String addressType = address.contains(":") ? "IP6" : "IP4";
        StringBuilder sdp = new StringBuilder()
                .append("v=0\r\n")
                .append("o=atalaya ").append(sessionId).append(' ').append(sessionId)
                .append(" IN ").append(addressType).append(' ').append(address).append("\r\n")
                .append("s=-\r\n")
                .append("c=IN ").append(addressType).append(' ').append(address).append("\r\n")
                .append("t=0 0\r\n");
        for (String line : media) sdp.append(line).append("\r\n");
        return sdp.toString();
    }
}

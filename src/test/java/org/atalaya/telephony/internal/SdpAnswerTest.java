package org.atalaya.telephony.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SdpAnswerTest {

    @Test
    void declinesEveryOfferedStreamWithPortZero() {
        String offer = "v=0\r\no=c 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                + "m=audio 49170 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\nm=text 49172 RTP/AVP 98\r\n";

        String answer = SdpAnswer.forOffer(offer, "127.0.0.1", 42);

        assertThat(answer).isEqualTo("v=0\r\no=atalaya 42 42 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
                + "t=0 0\r\nm=audio 0 RTP/AVP 0\r\nm=text 0 RTP/AVP 98\r\n");
    }

    @Test
    void withoutAnOfferItOffersOneDeclinedAudioStream() {
        assertThat(SdpAnswer.forOffer(null, "::1", 7)).contains("c=IN IP6 ::1\r\n").endsWith("m=audio 0 RTP/AVP 0\r\n");
    }
}

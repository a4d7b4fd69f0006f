package org.atalaya.telephony.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InviteBodyTest {

    private static final String SDP = "v=0\r\no=caller 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
            + "m=audio 49170 RTP/AVP 0 8\r\n";

    private static String pidf(String latitude) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:gp="urn:ietf:params:xml:ns:pidf:geopriv10"
                  xmlns:gml="http://www.opengis.net/gml" entity="pres:caller@example.com">
                 <tuple id="t"><status><gp:geopriv><gp:location-info>
                  <gml:Point srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>%s -65.3</gml:pos></gml:Point>
                 </gp:location-info></gp:geopriv></status></tuple>
                </presence>""".formatted(latitude);
    }

    private static byte[] multipart(String... parts) {
        StringBuilder body = new StringBuilder();
        for (String part : parts) body.append("--b1\r\n").append(part).append("\r\n");
        body.append("--b1--\r\n");
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void findsTheSdpAndTheLocationInAMultipartBody() {
        byte[] body = multipart("Content-Type: application/sdp\r\n\r\n" + SDP,
                "Content-Type: application/pidf+xml\r\nContent-ID: <loc1@example.com>\r\n\r\n" + pidf("-24.2"));

        InviteBody read = InviteBody.read("multipart/mixed; boundary=b1", body, List.of("<cid:loc1@example.com>"));

        assertThat(read.sdpOffer()).isEqualTo(SDP);
        assertThat(read.location().location().latitude()).isEqualTo(-24.2);
    }

    @Test
    void theGeolocationHeaderPicksThePartByContentId() {
        byte[] body = multipart("Content-Type: application/pidf+xml\r\nContent-ID: <other@example.com>\r\n\r\n"
                        + pidf("-10"),
                "Content-Type: application/pidf+xml\r\nContent-ID: <chosen@example.com>\r\n\r\n" + pidf("-20"));

        InviteBody read = InviteBody.read("multipart/mixed;boundary=\"b1\"", body,
                List.of("<cid:chosen@example.com>;inserted-by=\"sip:ue@example.com\""));

        assertThat(read.location().location().latitude()).isEqualTo(-20.0);
    }

    @Test
    void withoutAGeolocationHeaderTheFirstLocationPartIsRead() {
        byte[] body = multipart("Content-Type: application/pidf+xml\r\n\r\n" + pidf("-30"));

        assertThat(InviteBody.read("multipart/mixed; boundary=b1", body, List.of()).location().location().latitude())
                .isEqualTo(-30.0);
    }

    @Test
    void aBareLocationBodyIsRead() {
        InviteBody read = InviteBody.read("application/pidf+xml", pidf("-24.2").getBytes(StandardCharsets.UTF_8),
                List.of());

        assertThat(read.sdpOffer()).isNull();
        assertThat(read.location().location().latitude()).isEqualTo(-24.2);
    }

    @Test
    void sdpAloneMeansNoLocation() {
        InviteBody read = InviteBody.read("application/sdp", SDP.getBytes(StandardCharsets.UTF_8), List.of());

        assertThat(read.sdpOffer()).isEqualTo(SDP);
        assertThat(read.location().problem()).isEqualTo("the call carried no location");
    }

    @Test
    void aLocationByReferenceIsNamedAsSuch() {
        InviteBody read = InviteBody.read("application/sdp", SDP.getBytes(StandardCharsets.UTF_8),
                List.of("<https://lis.example.com/loc/8a7f>"));

        assertThat(read.location().problem()).isEqualTo("the location was sent by reference, which is not supported");
    }

    @Test
    void aMissingNamedPartIsNamedAsSuch() {
        byte[] body = multipart("Content-Type: application/sdp\r\n\r\n" + SDP);

        assertThat(InviteBody.read("multipart/mixed; boundary=b1", body, List.of("<cid:gone@example.com>"))
                .location().problem()).isEqualTo("the location part named by the Geolocation header is missing");
    }

    @Test
    void nestedMultipartIsOpened() {
        String inner = "--b2\r\nContent-Type: application/pidf+xml\r\n\r\n" + pidf("-40") + "\r\n--b2--\r\n";
        byte[] body = multipart("Content-Type: application/sdp\r\n\r\n" + SDP,
                "Content-Type: multipart/related; boundary=b2\r\n\r\n" + inner);

        InviteBody read = InviteBody.read("multipart/mixed; boundary=b1", body, List.of());

        assertThat(read.sdpOffer()).isEqualTo(SDP);
        assertThat(read.location().location().latitude()).isEqualTo(-40.0);
    }

    @Test
    void brokenMultipartGivesAProblemNotAnException() {
        byte[] truncated = "--b1\r\nContent-Type: application/pidf+xml\r\n\r\n<presence xmlns=".getBytes(
                StandardCharsets.UTF_8);

        assertThat(InviteBody.read("multipart/mixed; boundary=b1", truncated, List.of()).location().problem())
                .isEqualTo("the location document is not well-formed XML");
        assertThat(InviteBody.read("multipart/mixed", truncated, List.of()).location().problem())
                .isEqualTo("the call carried no location");
        assertThat(InviteBody.read("multipart/mixed; boundary=zz", "garbage".getBytes(StandardCharsets.UTF_8),
                List.of()).location().problem()).isEqualTo("the call carried no location");
        assertThat(InviteBody.read(null, null, List.of()).sdpOffer()).isNull();
    }
}

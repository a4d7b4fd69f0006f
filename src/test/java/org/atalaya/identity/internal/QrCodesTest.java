package org.atalaya.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    @Test
    void drawsTheEnrolmentUriAsAnSvgDataUri() {
        var enrolment = TotpEnrolment.of(new byte[20], "Atalaya", "ana");

        assertThat(enrolment.uri()).isEqualTo("otpauth://totp/Atalaya%3Aana?secret=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
                + "&issuer=Atalaya&algorithm=SHA1&digits=6&period=30");
        assertThat(enrolment.qrCode()).startsWith("data:image/svg+xml;base64,");
        String svg = new String(Base64.getDecoder().decode(enrolment.qrCode().substring("data:image/svg+xml;base64,".length())),
                StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ").contains("<path fill='#000' d='M");
    }
}

package org.atalaya.camera.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.atalaya.camera.GrayFrame;
import org.junit.jupiter.api.Test;

class PgmFrameReaderTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static byte[] picture(String header, int pixels, int value) {
        byte[] body = new byte[pixels];
        Arrays.fill(body, (byte) value);
        var out = new ByteArrayOutputStream();
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static PgmFrameReader reader(byte[]... pictures) {
        var out = new ByteArrayOutputStream();
        for (byte[] picture : pictures) out.writeBytes(picture);
        return new PgmFrameReader(new ByteArrayInputStream(out.toByteArray()), CLOCK);
    }

    @Test
    void readsPicturesOneAfterAnotherEvenWhenTheirSizeChanges() throws Exception {
        PgmFrameReader pictures = reader(picture("P5\n4 2\n255\n", 8, 200), picture("P5 3 3 255\n", 9, 7));

        GrayFrame first = pictures.next().orElseThrow();
        GrayFrame second = pictures.next().orElseThrow();

        assertThat(first.width()).isEqualTo(4);
        assertThat(first.height()).isEqualTo(2);
        assertThat(first.luma(3, 1)).isEqualTo(200);
        assertThat(first.at()).isEqualTo(NOW);
        assertThat(second.width()).isEqualTo(3);
        assertThat(second.height()).isEqualTo(3);
        assertThat(second.luma(0, 0)).isEqualTo(7);
        assertThat(pictures.next()).isEmpty();
    }

    @Test
    void aPixelThatLooksLikeWhiteSpaceOrADigitIsStillAPixel() throws Exception {
        byte[] pixels = {'\n', '5', ' ', (byte) 255};
        var out = new ByteArrayOutputStream();
        out.writeBytes("P5\n# written by a test\n2 2\n255\n".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(pixels);

        GrayFrame frame = new PgmFrameReader(new ByteArrayInputStream(out.toByteArray()), CLOCK).next().orElseThrow();

        assertThat(frame.pixels()).containsExactly(pixels);
    }

    @Test
    void anEmptyStreamHasNoPictures() throws Exception {
        assertThat(reader().next()).isEmpty();
    }

    @Test
    void aTruncatedPictureIsAnEndOfFileInsideIt() throws Exception {
        byte[] whole = picture("P5\n4 2\n255\n", 8, 1);
        PgmFrameReader pictures = reader(whole, Arrays.copyOf(whole, whole.length - 3));

        assertThat(pictures.next()).isPresent();
        assertThatThrownBy(pictures::next).isInstanceOf(EOFException.class).hasMessageContaining("inside a 4x2");
    }

    @Test
    void aStreamEndingInsideAHeaderIsAnEndOfFileToo() {
        assertThatThrownBy(() -> reader("P5\n320 1".getBytes(StandardCharsets.US_ASCII)).next())
                .isInstanceOf(EOFException.class);
    }

    @Test
    void refusesWhatIsNotAnEightBitBinaryPgm() {
        for (String header : new String[] {"P6\n4 2\n255\n", "P2\n4 2\n255\n", "XY", "P5\n4 2\n65535\n",
                "P5\nfour 2\n255\n", "P54 2\n255\n", "P5\n4x2\n255\n", "P5\n0 2\n255\n", "P5\n999999 2\n255\n",
                "P5\n40000 40000\n255\n"}) {
            assertThatThrownBy(() -> reader(picture(header, 8, 0)).next()).as(header)
                    .isInstanceOf(PgmFrameReader.PgmFormatException.class);
        }
    }
}

package org.atalaya.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecentLinesTest {

    @Test
    void keepsTheLastLinesSplitAtNewlinesAndCarriageReturns() {
        var lines = new RecentLines(3);

        lines.readAll(stream("one\ntwo\r\nframe=1\rframe=2\r\n\nlast without newline"));

        assertThat(lines.lines()).containsExactly("frame=1", "frame=2", "last without newline");
    }

    @Test
    void removesPasswordsFromUrls() {
        var lines = new RecentLines(10);

        lines.readAll(stream("""
                Error opening input file rtsp://admin:s3cr%40t@10.0.0.5:554/Streaming/Channels/101.
                [concat @ 0x1] Impossible to open 'rtsp://user:pa$$word@cam.local/stream'
                [rtsp @ 0x2] Connection to rtsp://10.0.0.6/live refused; contact ops@example.org
                """));

        assertThat(lines.lines()).containsExactly(
                "Error opening input file rtsp://***@10.0.0.5:554/Streaming/Channels/101.",
                "[concat @ 0x1] Impossible to open 'rtsp://***@cam.local/stream'",
                "[rtsp @ 0x2] Connection to rtsp://10.0.0.6/live refused; contact ops@example.org");
    }

    @Test
    void cutsLongLinesWithoutLeakingAPasswordCutInHalf() {
        var lines = new RecentLines(10);
        String padding = "x".repeat(RecentLines.MAX_LINE_BYTES - "rtsp://admin:sec".length());

        lines.readAll(stream(padding + " rtsp://admin:secret@camera/stream\nnext"));

        assertThat(lines.lines()).hasSize(2);
        assertThat(lines.lines().getFirst()).endsWith("rtsp://*** ...").doesNotContain("admin");
        assertThat(lines.lines().getLast()).isEqualTo("next");
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}

package org.atalaya.alarm.internal.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SourceEventParserTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:15:00Z");
    private final SourceEventParser parser = new SourceEventParser(JsonMapper.builder().build(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anEventWithEveryFieldIsReadAsSent() {
        SourceEvent event = json("""
                {"event": "door-open", "message": " Door 3 ", "at": "2026-11-29T07:14:00-03:00",
                 "state": "cleared", "dedupKey": "door-3"}""");

        assertThat(event).isEqualTo(new SourceEvent("door-open", "Door 3", Instant.parse("2026-11-29T10:14:00Z"),
                true, "door-3"));
    }

    @Test
    void anEmptyObjectIsAnActiveEventOfNow() {
        assertThat(json("{}")).isEqualTo(new SourceEvent(null, null, NOW, false, null));
    }

    @Test
    void theTimeMayBeUpToFiveMinutesAheadAndADayBehind() {
        assertThat(json("{\"at\": \"2026-11-29T10:20:00Z\"}").at()).isEqualTo(NOW.plusSeconds(300));
        assertThat(json("{\"at\": \"2026-11-28T10:15:00Z\"}").at()).isEqualTo(NOW.minusSeconds(86_400));
        assertThatThrownBy(() -> json("{\"at\": \"2026-11-29T10:20:01Z\"}"))
                .hasMessageContaining("more than 5 minutes in the future");
        assertThatThrownBy(() -> json("{\"at\": \"2026-11-28T10:14:59Z\"}"))
                .hasMessageContaining("more than 24 hours in the past");
    }

    @Test
    void anMqttPayloadThatIsNotJsonIsTheMessage() {
        SourceEvent event = parser.fromMqtt("  Door 4 left open\n".getBytes(StandardCharsets.UTF_8));

        assertThat(event).isEqualTo(new SourceEvent(null, "Door 4 left open", NOW, false, null));
        assertThat(parser.fromMqtt("x".repeat(600).getBytes(StandardCharsets.UTF_8)).message())
                .hasSize(SourceEventParser.MESSAGE_LENGTH);
        assertThatThrownBy(() -> parser.fromMqtt(new byte[] {(byte) 0xff, (byte) 0xfe}))
                .hasMessageContaining("neither JSON nor UTF-8 text");
        assertThatThrownBy(() -> parser.fromMqtt(" ".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("empty");
    }

    @Test
    void aBodyOver16KbIsRefusedBeforeItIsRead() {
        byte[] large = ("{\"message\": \"" + "x".repeat(SourceEventParser.MAX_BYTES) + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.fromJson(large)).hasMessageContaining("larger than 16 KB");
    }

    private SourceEvent json(String body) {
        return parser.fromJson(body.getBytes(StandardCharsets.UTF_8));
    }
}

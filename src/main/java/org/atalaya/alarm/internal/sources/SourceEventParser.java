package org.atalaya.alarm.internal.sources;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what a source sends: a JSON object {@code {"event", "message", "at", "state", "dedupKey"}} (all optional),
 * or, from MQTT, plain text taken as the message. Everything else is refused with the reason in words, naming the
 * field.
 */
@Component
class SourceEventParser {

    static final int MAX_BYTES = 16 * 1024;
    static final int EVENT_LENGTH = 40;
    static final int MESSAGE_LENGTH = 500;
    static final int DEDUP_KEY_LENGTH = 100;
    static final Duration MOST_AHEAD = Duration.ofMinutes(5);
    static final Duration MOST_BEHIND = Duration.ofHours(24);
    private static final Set<String> FIELDS = Set.of("event", "message", "at", "state", "dedupKey");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}._:-]+");
    private static final Map<String, Boolean> STATES = Map.of("active", false, "cleared", true);

    private final JsonMapper json;
    private final Clock clock;

    SourceEventParser(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** A webhook body, which must be a JSON object. */
    SourceEvent fromJson(byte[] body) {
        if (body.length > MAX_BYTES) throw tooLarge();
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw AlarmSourceProblem.badEvent("The body is not valid JSON: " + firstLine(e.getOriginalMessage())
                    + ". Send an object such as {\"event\": \"panic\", \"message\": \"Panic button at gate 2\"}.");
        }
        if (root == null || !root.isObject()) throw AlarmSourceProblem.badEvent(
                "The body must be a JSON object such as {\"event\": \"panic\"}.");
        for (String field : root.propertyNames()) {
            if (!FIELDS.contains(field)) throw AlarmSourceProblem.badEvent(field
                    + ": unknown field; an event has only event, message, at, state and dedupKey.");
        }
        String event = text(root, "event", EVENT_LENGTH);
        if (event != null && !WORD.matcher(event).matches()) throw AlarmSourceProblem.badEvent(
                "event: must be one word (letters, digits, '.', '_', ':' or '-'), e.g. panic or door-open.");
        String state = text(root, "state", 20);
        if (state != null && !STATES.containsKey(state)) throw AlarmSourceProblem.badEvent(
                "state: must be active or cleared, not " + state + ".");
        String at = text(root, "at", 64);
        return new SourceEvent(event, text(root, "message", MESSAGE_LENGTH), at == null ? clock.instant() : instant(at),
                state != null && STATES.get(state), text(root, "dedupKey", DEDUP_KEY_LENGTH));
    }

    /** An MQTT payload: JSON when it starts with '{', otherwise plain text taken as the message. */
    SourceEvent fromMqtt(byte[] payload) {
        if (payload.length > MAX_BYTES) throw tooLarge();
        String text = utf8(payload).strip();
        if (text.startsWith("{")) return fromJson(payload);
        if (text.isEmpty()) throw AlarmSourceProblem.badEvent("The payload is empty: send a message or a JSON event.");
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw AlarmSourceProblem.badEvent("The payload is neither JSON nor readable text.");
        }
        String message = text.length() > MESSAGE_LENGTH ? text.substring(0, MESSAGE_LENGTH - 1) + "…" : text;
        return new SourceEvent(null, message, clock.instant(), false, null);
    }

    private Instant instant(String text) {
        Instant at;
        try {
            at = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw AlarmSourceProblem.badEvent("at: must be an ISO-8601 instant such as 2026-11-29T10:15:00Z, not "
                    + text + ".");
        }
        Instant now = clock.instant();
        if (at.isAfter(now.plus(MOST_AHEAD))) throw AlarmSourceProblem.badEvent("at: " + text
                + " is more than 5 minutes in the future; is the source's clock right?");
        if (at.isBefore(now.minus(MOST_BEHIND))) throw AlarmSourceProblem.badEvent("at: " + text
                + " is more than 24 hours in the past; such old events are not raised as alarms.");
        return at;
    }

    /** An optional text field: {@code null} when absent or null; refused when of another type or too long. */
    private static String text(JsonNode root, String field, int maxLength) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) return null;
        if (!node.isString()) throw AlarmSourceProblem.badEvent(field + ": must be a text in quotes, not "
                + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ".");
        String value = node.stringValue().strip();
        if (value.length() > maxLength) throw AlarmSourceProblem.badEvent(field + ": at most " + maxLength
                + " characters (" + value.length() + " given).");
        return value.isEmpty() ? null : value;
    }

    private static String utf8(byte[] payload) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw AlarmSourceProblem.badEvent("The payload is neither JSON nor UTF-8 text.");
        }
    }

    private static AlarmSourceProblem tooLarge() {
        return AlarmSourceProblem.badEvent("The event is larger than 16 KB; send at most 16 KB of JSON.");
    }

    private static String firstLine(String message) {
        String line = message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}

package org.atalaya.alarm.internal.sources;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.atalaya.access.PublicEndpoint;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where panic buttons and sensors post their events. Each source proves itself with its own token in the
 * {@code X-Atalaya-Source-Token} header, never with a user's credentials; a source that is unknown and a token that
 * is wrong get the same answer, so the endpoint does not tell which source ids exist.
 */
@RestController
class WebhookController {

    private final AlarmSourceStore store;
    private final SourceEventParser parser;
    private final SourceEventReceiver receiver;
    private final WebhookRateLimit rateLimit;

    WebhookController(AlarmSourceStore store, SourceEventParser parser, SourceEventReceiver receiver,
                      WebhookRateLimit rateLimit) {
        this.store = store;
        this.parser = parser;
        this.receiver = receiver;
        this.rateLimit = rateLimit;
    }

    @PostMapping(AlarmSourceWebhookSecurity.EVENTS_PATH)
    @PublicEndpoint(reason = "panic buttons and sensors have no user: each event carries its source's own token, "
            + "checked here against the stored hash")
    ResponseEntity<Map<String, Object>> receive(@PathVariable long id,
                                                @RequestHeader(name = AlarmSourceView.TOKEN_HEADER, required = false)
                                                String token, HttpServletRequest request) throws IOException {
        AlarmSource source = store.byId(id)
                .filter(found -> SourceTokens.matches(token, store.tokenHash(found.id()).orElse(null)))
                .orElseThrow(AlarmSourceProblem::wrongToken);
        if (!source.enabled()) throw AlarmSourceProblem.disabled(source.name());
        if (!rateLimit.allow(source.id())) throw AlarmSourceProblem.tooMany(source.name(), rateLimit.perSecond());
        SourceEvent event;
        try {
            event = parser.fromJson(body(request));
        } catch (AlarmSourceProblem refused) {
            receiver.refused(source, refused.getMessage());
            throw refused;
        }
        OptionalLong alarmId = receiver.receive(source, event);
        Map<String, Object> answer = new LinkedHashMap<>();
        alarmId.ifPresent(alarm -> answer.put("alarmId", alarm));
        answer.put("state", event.cleared() ? "cleared" : "active");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
    }

    /** The body, read no further than one byte past the limit so an endless body cannot fill the memory. */
    private static byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > SourceEventParser.MAX_BYTES) {
            throw AlarmSourceProblem.badEvent("The event is larger than 16 KB; send at most 16 KB of JSON.");
        }
        try (InputStream in = request.getInputStream()) {
            return in.readNBytes(SourceEventParser.MAX_BYTES + 1);
        }
    }
}

package org.atalaya.tracking.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.atalaya.access.PublicEndpoint;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OsmAnd protocol endpoint for Traccar Client and AVL boxes: GET with query parameters, POST with a form (or the
 * parameters in the query string and no body), or POST of the newer clients' JSON. The answer is 200 with an empty
 * body once the position is stored; 400 with the reason as one plain line when the device is unknown or the position
 * impossible; 503 when it could not be stored now (the clients retry).
 */
@RestController
class OsmandController {

    static final String PATH = "/osmand";
    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final MediaType PLAIN_TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final OsmandDecoder decoder;
    private final DeviceRegistry devices;
    private final PositionWriter writer;
    private final IngestCounters counters;
    private final Clock clock;

    OsmandController(OsmandDecoder decoder, DeviceRegistry devices, PositionWriter writer, IngestCounters counters,
                     Clock clock) {
        this.decoder = decoder;
        this.devices = devices;
        this.writer = writer;
        this.counters = counters;
        this.clock = clock;
    }

    @RequestMapping(path = {PATH, PATH + "/"}, method = {RequestMethod.GET, RequestMethod.POST})
    @PublicEndpoint(reason = "tracking devices (Traccar Client, AVL boxes) have no user: the registered device id "
            + "they send is their credential, as in Traccar")
    ResponseEntity<String> receive(HttpServletRequest request) throws IOException {
        Instant now = clock.instant();
        if (request.getContentLengthLong() > MAX_BODY_BYTES) return tooLarge();
        List<DeviceFix> fixes;
        try {
            Map<String, String> parameters = parameters(request);
            if (isJson(request)) {
                byte[] body = body(request);
                if (body.length > MAX_BODY_BYTES) return tooLarge();
                fixes = decoder.fromJson(body, parameters, now);
            } else {
                fixes = List.of(decoder.fromParameters(parameters, now));
            }
        } catch (FixRejected impossible) {
            counters.rejected();
            return plain(HttpStatus.BAD_REQUEST, impossible.getMessage());
        }
        List<PositionRow> rows = new ArrayList<>(fixes.size());
        for (DeviceFix fix : fixes) {
            Optional<Long> unit = devices.unitOf(fix.deviceId());
            if (unit.isEmpty()) {
                counters.unknownDevice();
                return plain(HttpStatus.BAD_REQUEST, "Unknown device: register its id to a unit first.");
            }
            rows.add(PositionRow.of(unit.get(), fix, now));
        }
        TrackingPositions.Outcome outcome = TrackingPositions.storeAndWait(writer, rows);
        return switch (outcome) {
            case STORED -> ResponseEntity.ok().build();
            case BUSY, NOT_STORED -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                    .contentType(PLAIN_TEXT).body(outcome.reason + "\n");
        };
    }

    /** Query and form parameters alike, the first value of each (the servlet container reads a form body). */
    private static Map<String, String> parameters(HttpServletRequest request) {
        Map<String, String> parameters = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 0) parameters.put(name, values[0]);
        });
        return parameters;
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && type != null
                && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_JSON_VALUE);
    }

    /** The body, read no further than one byte past the limit so an endless body cannot fill the memory. */
    private static byte[] body(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return in.readNBytes(MAX_BODY_BYTES + 1);
        }
    }

    private static ResponseEntity<String> tooLarge() {
        return plain(HttpStatus.CONTENT_TOO_LARGE, "The request is larger than " + MAX_BODY_BYTES / 1024
                + " KB; send one position (or a few) at a time.");
    }

    private static ResponseEntity<String> plain(HttpStatus status, String reason) {
        return ResponseEntity.status(status).contentType(PLAIN_TEXT).body(reason + "\n");
    }
}

package org.atalaya.responder.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.atalaya.dispatch.UnitView;
import org.atalaya.incident.IncidentView;

/**
 * What a responder's page shows: the unit they are signed on to (null when none) and its incident (null when none).
 * Its version changes whenever anything the page shows of them does, so the page knows when to load itself again.
 */
record Situation(UnitView unit, IncidentView incident) {

    static final Situation NOT_SIGNED_ON = new Situation(null, null);

    boolean signedOn() {
        return unit != null;
    }

    String version() {
        if (unit == null) return "none";
        Stream<Object> shown = Stream.of(unit.id(), unit.callSign(), unit.status(), unit.incidentId(), unit.crew());
        if (incident != null) {
            shown = Stream.concat(shown, Stream.of(incident.number(), incident.typeCode(), incident.priority(),
                    incident.status(), incident.latitude(), incident.longitude(), incident.address(),
                    incident.summary(), incident.mergedInto()));
        }
        return digest(shown.map(value -> Objects.toString(value, "")).collect(Collectors.joining("\u001f")));
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}

package org.atalaya.incident.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.atalaya.access.CameraReach;
import org.atalaya.access.Permission;
import org.atalaya.access.SignedInUser;
import org.atalaya.camera.CameraCatalog;
import org.atalaya.camera.RegisteredCamera;
import org.atalaya.incident.IncidentProperties;
import org.atalaya.incident.IncidentView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The cameras whose view covers an incident's place, nearest first, among those the user may see; each with a link
 * to watch it live and one to its recordings from just before the call, the incident number as the case.
 */
@Service
class CamerasNear {

    /** Recordings are opened this long before the call, to see what led to it. */
    static final Duration LEAD_IN = Duration.ofSeconds(30);

    private final CameraCatalog catalog;
    private final IncidentProperties properties;
    private final MessageSource messages;

    CamerasNear(CameraCatalog catalog, IncidentProperties properties, MessageSource messages) {
        this.catalog = catalog;
        this.properties = properties;
        this.messages = messages;
    }

    /** @param contextPath the application's context path, which the links begin with */
    List<NearCamera> of(IncidentView incident, SignedInUser user, Locale locale, String contextPath) {
        if (!incident.hasPoint()) return List.of();
        double radius = properties.cameraRadius();
        record Covering(RegisteredCamera camera, double distance) {
        }
        return catalog.all().stream()
                .filter(camera -> user.reach(Permission.CAMERA_VIEW, camera.cameraGroup()) == CameraReach.PERMITTED)
                .map(camera -> {
                    OptionalDouble distance = CameraCoverage.distanceIfCovered(camera, incident.latitude(),
                            incident.longitude(), radius);
                    return distance.isPresent() && distance.getAsDouble() <= radius
                            ? new Covering(camera, distance.getAsDouble()) : null;
                })
                .filter(covering -> covering != null)
                .sorted(Comparator.comparingDouble(Covering::distance))
                .map(covering -> near(covering.camera(), covering.distance(), incident, user, locale, contextPath))
                .toList();
    }

    private NearCamera near(RegisteredCamera camera, double distance, IncidentView incident, SignedInUser user,
                            Locale locale, String contextPath) {
        String base = contextPath + "/cameras/" + camera.id();
        String live = user.can(Permission.LIVE_VIEW, camera.cameraGroup()) ? base + "/live" : null;
        String playback = user.can(Permission.PLAYBACK_VIEW, camera.cameraGroup())
                ? base + "/playback?at=" + encode(lookFrom(incident).toString())
                        + "&reason=" + encode(messages.getMessage("incident.playback.reason",
                                new Object[]{incident.number()}, locale))
                        + "&case=" + encode(incident.number())
                : null;
        return new NearCamera(camera.id(), camera.name(), camera.latitude(), camera.longitude(), camera.headingDeg(),
                camera.fovDeg(), camera.rangeM(), Math.round(distance), live, playback);
    }

    /** Just before the call rang, or before the incident was opened when it did not come from a call. */
    static Instant lookFrom(IncidentView incident) {
        Instant start = incident.callOfferedAt() == null ? incident.createdAt() : incident.callOfferedAt();
        return start.minus(LEAD_IN);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

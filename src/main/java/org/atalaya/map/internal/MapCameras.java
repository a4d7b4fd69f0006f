package org.atalaya.map.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.atalaya.access.CameraReach;
import org.atalaya.access.Permission;
import org.atalaya.access.SignedInUser;
import org.atalaya.camera.CameraCatalog;
import org.atalaya.camera.CameraStatusChanged;
import org.atalaya.camera.CameraStatuses;
import org.atalaya.camera.RegisteredCamera;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** The cameras a user may see, with their place, view and status worded in the user's language. */
@Service
class MapCameras {

    private final CameraCatalog catalog;
    private final CameraStatuses statuses;
    private final MessageSource messages;

    MapCameras(CameraCatalog catalog, CameraStatuses statuses, MessageSource messages) {
        this.catalog = catalog;
        this.statuses = statuses;
        this.messages = messages;
    }

    /** @param contextPath the application's context path, which the links begin with */
    List<MapCamera> visibleTo(SignedInUser user, Locale locale, String contextPath) {
        Map<Long, CameraStatusChanged> latest = statuses.latest();
        return visible(user).stream()
                .map(camera -> MapCamera.of(camera,
                        status(camera.id(), Optional.ofNullable(latest.get(camera.id())), locale),
                        links(user, camera, contextPath)))
                .toList();
    }

    /** The current status of every camera the user may see. */
    List<StatusUpdate> statusesFor(SignedInUser user, Locale locale) {
        Map<Long, CameraStatusChanged> latest = statuses.latest();
        return visible(user).stream()
                .map(camera -> status(camera.id(), Optional.ofNullable(latest.get(camera.id())), locale))
                .toList();
    }

    Optional<RegisteredCamera> find(long cameraId) {
        return catalog.find(cameraId);
    }

    static boolean sees(SignedInUser user, RegisteredCamera camera) {
        return user.reach(Permission.CAMERA_VIEW, camera.cameraGroup()) == CameraReach.PERMITTED;
    }

    StatusUpdate status(CameraStatusChanged report, Locale locale) {
        return status(report.cameraId(), Optional.of(report), locale);
    }

    private StatusUpdate status(long cameraId, Optional<CameraStatusChanged> latest, Locale locale) {
        if (latest.isEmpty()) {
            return new StatusUpdate(cameraId, "unknown", word("map.status.unknown", locale), null, null, null);
        }
        CameraStatusChanged report = latest.get();
        String status = report.status().name().toLowerCase(Locale.ROOT);
        String problem = report.problemKind() == null ? report.problem()
                : messages.getMessage("map.problem." + report.problemKind().name(), null,
                report.problemKind().words(), locale);
        return new StatusUpdate(cameraId, status, word("map.status." + status, locale), problem, report.problem(),
                report.since());
    }

    private List<RegisteredCamera> visible(SignedInUser user) {
        return catalog.all().stream().filter(camera -> sees(user, camera)).toList();
    }

    private static MapCamera.Links links(SignedInUser user, RegisteredCamera camera, String contextPath) {
        boolean live = user.reach(Permission.LIVE_VIEW, camera.cameraGroup()) == CameraReach.PERMITTED;
        boolean playback = user.reach(Permission.PLAYBACK_VIEW, camera.cameraGroup()) == CameraReach.PERMITTED;
        String cameraPath = contextPath + "/cameras/" + camera.id();
        return new MapCamera.Links(live ? cameraPath + "/live" : null,
                live ? contextPath + "/live?add=" + camera.id() : null,
                playback ? cameraPath + "/playback" : null);
    }

    private String word(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}

package org.atalaya.map.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.access.SignedInUser;
import org.atalaya.platform.ServerSentEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The cameras of the map, and the stream of their status changes; both show only cameras the user may see. */
@RestController
@RequiresPermission(Permission.CAMERA_VIEW)
class MapApiController {

    private static final Logger log = LoggerFactory.getLogger(MapApiController.class);

    private final MapCameras cameras;
    private final CameraStatusStream statusStream;

    MapApiController(MapCameras cameras, CameraStatusStream statusStream) {
        this.cameras = cameras;
        this.statusStream = statusStream;
    }

    /** Every camera the user may see, placed or not, with its status and the console pages they may open. */
    @GetMapping("/api/v1/map/cameras")
    List<MapCamera> cameras(HttpServletRequest request) {
        return cameras.visibleTo(user(), LocaleContextHolder.getLocale(), request.getContextPath());
    }

    /**
     * Server-sent events named {@code status}, each a {@link StatusUpdate}: first one for every camera the user may
     * see, then one whenever a camera's status changes; and {@code cameras} (no data) when cameras were added or
     * changed, to load them again. The stream ends after a while; clients reconnect.
     */
    @GetMapping("/api/v1/cameras/status/events")
    void statusEvents(@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                      HttpServletResponse response) {
        if (!ServerSentEvents.accepted(accept)) throw MapProblem.eventStreamOnly();
        try {
            statusStream.stream(user(), LocaleContextHolder.getLocale(), response);
        } catch (IOException gone) {
            log.debug("A status stream ended, its reader has gone: {}", gone.getMessage());
        }
    }

    private static SignedInUser user() {
        return CurrentUser.get().orElseThrow();
    }
}

package org.atalaya.live.internal;

import java.util.List;
import java.util.Optional;

import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.camera.CameraStatusChanged;
import org.atalaya.camera.CameraStatuses;
import org.atalaya.camera.RegisteredCamera;
import org.atalaya.recording.CameraRecorder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What a live player asks before it opens the stream; refusals here let the player say why it shows nothing. */
@RestController
class LiveApiController {

    private final LiveAccess access;
    private final CameraRecorder recorder;
    private final CameraStatuses statuses;

    LiveApiController(LiveAccess access, CameraRecorder recorder, CameraStatuses statuses) {
        this.access = access;
        this.recorder = recorder;
        this.statuses = statuses;
    }

    @GetMapping("/api/v1/cameras/{id}/live")
    @RequiresPermission(Permission.LIVE_VIEW)
    LiveInfo info(@PathVariable long id) {
        RegisteredCamera camera = access.camera(CurrentUser.get().orElseThrow(), id);
        List<String> streams = camera.hasSubStream()
                ? List.of(LiveStreamKind.MAIN.urlName(), LiveStreamKind.SUB.urlName())
                : List.of(LiveStreamKind.MAIN.urlName());
        Optional<CameraStatusChanged> status = statuses.latest(camera.id());
        return new LiveInfo(camera.id(), camera.name(),
                status.map(latest -> latest.status().name().toLowerCase()).orElse(null),
                status.map(CameraStatusChanged::problem).orElse(null), recorder.isRecording(camera.id()), streams);
    }
}

package org.atalaya.live.internal;

import java.util.List;

import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
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

    LiveApiController(LiveAccess access, CameraRecorder recorder) {
        this.access = access;
        this.recorder = recorder;
    }

    @GetMapping("/api/v1/cameras/{id}/live")
    @RequiresPermission(Permission.LIVE_VIEW)
    LiveInfo info(@PathVariable long id) {
        RegisteredCamera camera = access.camera(CurrentUser.get().orElseThrow(), id);
        List<String> streams = camera.hasSubStream()
                ? List.of(LiveStreamKind.MAIN.urlName(), LiveStreamKind.SUB.urlName())
                : List.of(LiveStreamKind.MAIN.urlName());
        return new LiveInfo(camera.id(), camera.name(), recorder.isRecording(camera.id()), streams);
    }
}

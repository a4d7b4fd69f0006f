package org.atalaya.clip.internal;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import org.atalaya.access.CameraReach;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.access.SignedInUser;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.camera.CameraCatalog;
import org.atalaya.camera.RegisteredCamera;
import org.atalaya.clip.EventClip;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Event clips over the API: the clips of an event, and a clip's file (with HTTP range requests, so a player can
 * seek). Both need {@link Permission#PLAYBACK_VIEW} for the clip camera's group; a clip of a camera the user cannot
 * see at all is not found. Each download of a clip's file is audited with the event as its reason.
 */
@RestController
class ClipApiController {

    static final String VIEWED = "clip.viewed";
    private static final MediaType VIDEO_MP4 = MediaType.parseMediaType("video/mp4");

    /**
     * One clip as listed.
     *
     * @param url where its file is, once it is READY; null otherwise
     */
    record ClipView(long id, long cameraId, String cameraName, String eventRef, String from, String to,
                    EventClip.State state, String problem, String url) {
    }

    private final ClipStore store;
    private final CameraCatalog cameras;
    private final AuditLog audit;

    ClipApiController(ClipStore store, CameraCatalog cameras, AuditLog audit) {
        this.store = store;
        this.cameras = cameras;
        this.audit = audit;
    }

    /** The event's clips of the cameras whose recorded video the user may see; the others are left out. */
    @GetMapping("/api/v1/clips")
    @RequiresPermission(Permission.PLAYBACK_VIEW)
    List<ClipView> forEvent(@RequestParam(required = false) String event) {
        if (event == null || event.isBlank()) throw ClipProblem.eventRequired();
        SignedInUser user = user();
        return store.forEvent(event.strip()).stream()
                .flatMap(stored -> cameras.find(stored.clip().cameraId())
                        .filter(camera -> user.reach(Permission.PLAYBACK_VIEW, camera.cameraGroup())
                                == CameraReach.PERMITTED)
                        .map(camera -> view(stored.clip(), camera)).stream())
                .toList();
    }

    @GetMapping("/api/v1/clips/{id}.mp4")
    @RequiresPermission(Permission.PLAYBACK_VIEW)
    ResponseEntity<Resource> file(@PathVariable long id) {
        ClipStore.StoredClip stored = store.find(id).orElseThrow(() -> ClipProblem.noClip(id));
        EventClip clip = stored.clip();
        RegisteredCamera camera = permittedCamera(id, clip);
        switch (clip.state()) {
            case PENDING -> throw ClipProblem.stillRecording(clip.to());
            case UNAVAILABLE -> throw ClipProblem.unavailable(clip.problem());
            case READY -> {
                if (stored.file() == null || !Files.isRegularFile(stored.file())) throw ClipProblem.fileMissing();
            }
        }
        audit.record(AuditEvent.success(VIEWED, camera.auditTarget())
                .because("event " + clip.eventRef(), null)
                .with("clip", Long.toString(clip.id()))
                .with("from", clip.from().toString())
                .with("to", clip.to().toString()));
        // Spring sets the length, and answers a Range header with 206 and the asked-for part of the file
        return ResponseEntity.ok()
                .contentType(VIDEO_MP4)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("clip-" + clip.id() + "-camera-" + clip.cameraId() + ".mp4").build().toString())
                .body(new FileSystemResource(stored.file()));
    }

    private RegisteredCamera permittedCamera(long clipId, EventClip clip) {
        SignedInUser user = user();
        Optional<RegisteredCamera> camera = cameras.find(clip.cameraId());
        CameraReach reach = camera.map(found -> user.reach(Permission.PLAYBACK_VIEW, found.cameraGroup()))
                .orElse(CameraReach.HIDDEN);
        return switch (reach) {
            case HIDDEN -> throw ClipProblem.noClip(clipId);
            case SEEN -> {
                audit.record(AuditEvent.denied(VIEWED, camera.orElseThrow().auditTarget())
                        .with("clip", Long.toString(clipId)));
                throw ClipProblem.notAllowed();
            }
            case PERMITTED -> camera.orElseThrow();
        };
    }

    private static SignedInUser user() {
        return CurrentUser.get().orElseThrow(() -> new IllegalStateException("a signed-in user is required"));
    }

    private static ClipView view(EventClip clip, RegisteredCamera camera) {
        String url = clip.state() == EventClip.State.READY ? "/api/v1/clips/" + clip.id() + ".mp4" : null;
        return new ClipView(clip.id(), clip.cameraId(), camera.name(), clip.eventRef(), clip.from().toString(),
                clip.to().toString(), clip.state(), clip.problem(), url);
    }
}

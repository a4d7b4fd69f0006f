package org.atalaya.camera.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.SignedInUser;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.camera.CameraChanged;
import org.atalaya.camera.RegisteredCamera;
import org.atalaya.identity.CameraGroups;
import org.atalaya.platform.SecretBox;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes, enables and disables cameras for the signed-in user, within the camera groups their grants
 * cover, and audits every change. Passwords are sealed on the way in and leave only towards ffmpeg.
 */
@Service
class CameraRegistry {

    private static final int DEFAULT_RETENTION_DAYS = 30;

    private final CameraStore store;
    private final CameraGroups groups;
    private final SecretBox secrets;
    private final AuditLog audit;
    private final Clock clock;
    private final CameraProbe probe;
    private final RegisteredCameras registered;
    private final ApplicationEventPublisher events;

    CameraRegistry(CameraStore store, CameraGroups groups, SecretBox secrets, AuditLog audit, Clock clock,
                   CameraProbe probe, RegisteredCameras registered, ApplicationEventPublisher events) {
        this.probe = probe;
        this.registered = registered;
        this.events = events;
        this.store = store;
        this.groups = groups;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
    }

    /** The cameras whose group the user may view. */
    List<Camera> visible() {
        SignedInUser user = user();
        return store.all().stream().filter(camera -> user.can(Permission.CAMERA_VIEW, camera.cameraGroup())).toList();
    }

    /** @throws CameraProblem 404 when there is no such camera or the user may not view its group */
    Camera visible(long id) {
        return store.byId(id).filter(camera -> user().can(Permission.CAMERA_VIEW, camera.cameraGroup()))
                .orElseThrow(() -> CameraProblem.notFound(id));
    }

    /** A camera the user may change; 404 if they may not even see it, 403 if they only see it. */
    Camera manageable(long id) {
        Camera camera = store.byId(id).orElseThrow(() -> CameraProblem.notFound(id));
        return switch (user().reach(Permission.CAMERA_MANAGE, camera.cameraGroup())) {
            case HIDDEN -> throw CameraProblem.notFound(id);
            case SEEN -> throw manageRefused(camera.cameraGroup());
            case PERMITTED -> camera;
        };
    }

    @Transactional
    Camera create(CameraChanges request) {
        SignedInUser user = user();
        String group = existingGroup(request.cameraGroup());
        requireManage(user, group);
        String name = CameraValidation.name(request.name());
        if (store.nameTaken(name, -1)) throw CameraProblem.invalid("nameTaken",
                "name: there is already a camera called " + name + ".", name);
        Instant now = clock.instant();
        Camera camera = new Camera(0, name, CameraValidation.streamUrl("mainUrl", request.mainUrl()),
                optionalUrl(request.subUrl()), emptyToNull(CameraValidation.text("username", request.username(), 200)),
                false, CameraValidation.latitude(request.latitude()), CameraValidation.longitude(request.longitude()),
                CameraValidation.heading(request.headingDeg()), CameraValidation.fieldOfView(request.fovDeg()),
                CameraValidation.range(request.rangeM()), group,
                CameraValidation.text("purpose", request.purpose(), 2000),
                CameraValidation.text("legalBasis", request.legalBasis(), 2000),
                CameraValidation.retentionDays(Objects.requireNonNullElse(request.retentionDays(),
                        DEFAULT_RETENTION_DAYS)),
                request.recordingMode() == null ? RecordingMode.CONTINUOUS : RecordingMode.of(request.recordingMode()),
                true, Boolean.TRUE.equals(request.analytics()), now, now, ObservedStatus.NOT_REPORTED);
        long id = store.insert(camera);
        boolean hasPassword = storePassword(id, request.password());
        Camera created = store.byId(id).orElseThrow();
        audit.record(describe(AuditEvent.success("camera.create", target(created)).by(user.username()), created)
                .with("password", hasPassword ? "set" : "none"));
        events.publishEvent(new CameraChanged(id, false));
        return created;
    }

    @Transactional
    Camera update(long id, CameraChanges request) {
        SignedInUser user = user();
        Camera before = manageable(id);
        String group = request.cameraGroup() == null ? before.cameraGroup() : existingGroup(request.cameraGroup());
        if (!group.equals(before.cameraGroup())) requireManage(user, group);
        String name = request.name() == null ? before.name() : CameraValidation.name(request.name());
        if (store.nameTaken(name, id)) throw CameraProblem.invalid("nameTaken",
                "name: there is already a camera called " + name + ".", name);
        Camera after = new Camera(id, name,
                request.mainUrl() == null || request.mainUrl().equals(before.mainUrl()) ? before.mainUrl()
                        : CameraValidation.streamUrl("mainUrl", request.mainUrl()),
                request.subUrl() == null ? before.subUrl() : optionalUrl(request.subUrl()),
                request.username() == null ? before.username()
                        : emptyToNull(CameraValidation.text("username", request.username(), 200)),
                before.hasPassword(),
                CameraValidation.latitude(placeOrView(request, "latitude", request.latitude(), before.latitude())),
                CameraValidation.longitude(placeOrView(request, "longitude", request.longitude(), before.longitude())),
                CameraValidation.heading(placeOrView(request, "headingDeg", request.headingDeg(), before.headingDeg())),
                CameraValidation.fieldOfView(placeOrView(request, "fovDeg", request.fovDeg(), before.fovDeg())),
                CameraValidation.range(placeOrView(request, "rangeM", request.rangeM(), before.rangeM())),
                group,
                request.purpose() == null ? before.purpose() : CameraValidation.text("purpose", request.purpose(), 2000),
                request.legalBasis() == null ? before.legalBasis()
                        : CameraValidation.text("legalBasis", request.legalBasis(), 2000),
                CameraValidation.retentionDays(orElse(request.retentionDays(), before.retentionDays())),
                request.recordingMode() == null ? before.recordingMode() : RecordingMode.of(request.recordingMode()),
                before.enabled(), orElse(request.analytics(), before.analysed()), before.createdAt(), clock.instant(),
                before.status());
        store.update(after);
        if (request.password() != null) storePassword(id, request.password());
        Camera updated = store.byId(id).orElseThrow();
        AuditEvent event = describe(AuditEvent.success("camera.update", target(updated)).by(user.username()), updated)
                .with("changed", changedFields(before, updated, request.password() != null));
        audit.record(event);
        // analysis adds an output to the camera's stream process, so turning it on or off restarts the process
        boolean sourceChanged = !before.mainUrl().equals(updated.mainUrl())
                || !Objects.equals(before.username(), updated.username()) || request.password() != null
                || before.analysed() != updated.analysed();
        events.publishEvent(new CameraChanged(id, sourceChanged));
        return updated;
    }

    @Transactional
    Camera setEnabled(long id, boolean enabled) {
        SignedInUser user = user();
        Camera before = manageable(id);
        Camera after = new Camera(id, before.name(), before.mainUrl(), before.subUrl(), before.username(),
                before.hasPassword(), before.latitude(), before.longitude(), before.headingDeg(), before.fovDeg(),
                before.rangeM(), before.cameraGroup(), before.purpose(), before.legalBasis(), before.retentionDays(),
                before.recordingMode(), enabled, before.analysed(), before.createdAt(), clock.instant(),
                before.status());
        store.update(after);
        audit.record(AuditEvent.success(enabled ? "camera.enable" : "camera.disable", target(after))
                .by(user.username()).with("cameraGroup", after.cameraGroup())
                .with("wasEnabled", String.valueOf(before.enabled())));
        events.publishEvent(new CameraChanged(id, false));
        return store.byId(id).orElseThrow();
    }

    /** Connects to the camera's main stream and reports what it carries, or why it could not be read. */
    ProbeResult probe(long id) {
        SignedInUser user = user();
        Camera camera = manageable(id);
        ProbeResult result = probe.probe(camera, registered.password(camera.id()));
        AuditEvent event = result.ok()
                ? AuditEvent.success("camera.probe", target(camera)).with("codec", result.codec())
                        .with("size", result.width() + "x" + result.height())
                : AuditEvent.failure("camera.probe", target(camera)).with("problem", result.problem());
        audit.record(event.by(user.username()).with("cameraGroup", camera.cameraGroup()));
        return result;
    }

    static String target(Camera camera) {
        return RegisteredCamera.auditTarget(camera.id(), camera.name());
    }

    private boolean storePassword(long id, String password) {
        if (password == null || password.isEmpty()) {
            store.storePassword(id, null);
            return false;
        }
        if (password.length() > 200) throw CameraProblem.invalid("tooLong", "password: at most 200 characters.",
                "password", 200);
        store.storePassword(id, secrets.seal(password.getBytes(StandardCharsets.UTF_8),
                RegisteredCameras.passwordAssociatedData(id)));
        return true;
    }

    private String existingGroup(String name) {
        if (name == null || name.isBlank()) throw CameraProblem.invalid("groupRequired",
                "cameraGroup: every camera belongs to a camera group.");
        return groups.byName(name.strip()).map(CameraGroups.CameraGroup::name).orElseThrow(() ->
                CameraProblem.invalid("noSuchGroup", "cameraGroup: there is no camera group called " + name.strip()
                        + "; create it on the roles page first.", name.strip()));
    }

    private static void requireManage(SignedInUser user, String group) {
        if (!user.can(Permission.CAMERA_MANAGE, group)) throw manageRefused(group);
    }

    private static CameraProblem manageRefused(String group) {
        return new CameraProblem(HttpStatus.FORBIDDEN, "You may not manage cameras of the camera group " + group + ".");
    }

    private static SignedInUser user() {
        return CurrentUser.get().orElseThrow(() -> new CameraProblem(HttpStatus.UNAUTHORIZED, "Sign in first."));
    }

    static AuditEvent describe(AuditEvent event, Camera camera) {
        return event.with("cameraGroup", camera.cameraGroup())
                .with("mainUrl", camera.mainUrl())
                .with("recordingMode", camera.recordingMode().value())
                .with("retentionDays", String.valueOf(camera.retentionDays()))
                .with("recordable", String.valueOf(camera.recordable()))
                .with("analytics", String.valueOf(camera.analysed()));
    }

    private static String changedFields(Camera before, Camera after, boolean password) {
        List<String> changed = new java.util.ArrayList<>();
        if (!before.name().equals(after.name())) changed.add("name");
        if (!before.mainUrl().equals(after.mainUrl())) changed.add("mainUrl");
        if (!Objects.equals(before.subUrl(), after.subUrl())) changed.add("subUrl");
        if (!Objects.equals(before.username(), after.username())) changed.add("username");
        if (password) changed.add("password");
        if (!Objects.equals(before.latitude(), after.latitude()) || !Objects.equals(before.longitude(), after.longitude())) {
            changed.add("location");
        }
        if (!Objects.equals(before.headingDeg(), after.headingDeg()) || !Objects.equals(before.fovDeg(), after.fovDeg())
                || !Objects.equals(before.rangeM(), after.rangeM())) {
            changed.add("view");
        }
        if (!before.cameraGroup().equals(after.cameraGroup())) changed.add("cameraGroup");
        if (!before.purpose().equals(after.purpose())) changed.add("purpose");
        if (!before.legalBasis().equals(after.legalBasis())) changed.add("legalBasis");
        if (before.retentionDays() != after.retentionDays()) changed.add("retentionDays");
        if (before.recordingMode() != after.recordingMode()) changed.add("recordingMode");
        if (before.analysed() != after.analysed()) changed.add("analytics");
        return changed.isEmpty() ? "nothing" : String.join(",", changed);
    }

    private static Double placeOrView(CameraChanges request, String field, Double given, Double current) {
        return request.cleared().contains(field) ? null : orElse(given, current);
    }

    private static <T> T orElse(T given, T current) {
        return given == null ? current : given;
    }

    private static String optionalUrl(String url) {
        return url == null || url.isBlank() ? null : CameraValidation.streamUrl("subUrl", url);
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}

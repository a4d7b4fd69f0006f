package org.atalaya.alarm.internal.sources;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.SignedInUser;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.camera.CameraCatalog;
import org.atalaya.platform.SecretBox;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes, deletes alarm sources and rotates webhook tokens, each audited. A webhook token is returned once,
 * when made, and only its hash kept; an MQTT password is sealed on the way in and opened only to connect.
 */
@Service
class AlarmSourceRegistry {

    /** A source just made or given a new token: the token is shown this once. */
    record WithToken(AlarmSource source, String token) {
    }

    private final AlarmSourceStore store;
    private final CameraCatalog cameras;
    private final SecretBox secrets;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AlarmSourceRegistry(AlarmSourceStore store, CameraCatalog cameras, SecretBox secrets, AuditLog audit, Clock clock,
                        ApplicationEventPublisher events) {
        this.store = store;
        this.cameras = cameras;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    List<AlarmSource> all() {
        return store.all();
    }

    AlarmSource find(long id) {
        return store.byId(id).orElseThrow(() -> AlarmSourceProblem.notFound(id));
    }

    List<String> alarmTypes() {
        return store.alarmTypes();
    }

    @Transactional
    WithToken create(AlarmSourceChanges request) {
        SourceKind kind = SourceKind.of(request.kind());
        String name = uniqueName(request.name(), -1);
        Instant now = clock.instant();
        AlarmSource source = settings(new AlarmSource(0, name, kind, null, true, null, null, List.of(), null, now,
                actor(), now, null, null, null, null), request);
        String token = kind == SourceKind.WEBHOOK ? SourceTokens.newToken() : null;
        long id = store.insert(source, token == null ? null : SourceTokens.sha256(token), null);
        String password = AlarmSourceValidation.credential("password", request.password());
        if (kind == SourceKind.MQTT && password != null) store.storePassword(id, seal(id, password));
        AlarmSource created = find(id);
        audit.record(describe(AuditEvent.success("alarm.source.created", created.auditTarget()), created));
        events.publishEvent(new AlarmSourcesChanged(id));
        return new WithToken(created, token);
    }

    @Transactional
    AlarmSource update(long id, AlarmSourceChanges request) {
        AlarmSource before = find(id);
        if (request.kind() != null && SourceKind.of(request.kind()) != before.kind()) {
            throw AlarmSourceProblem.invalid("kindFixed", "kind: a source stays a " + before.kind().value()
                    + " source; delete it and create another to change how it connects.", before.kind().value());
        }
        String name = uniqueName(request.name(), id);
        AlarmSource after = settings(new AlarmSource(id, name, before.kind(), null, true, null, null, List.of(),
                null, before.createdAt(), before.createdBy(), clock.instant(), before.lastEventAt(),
                before.lastEventState(), before.lastErrorAt(), before.lastError()), request);
        store.update(after);
        String password = "unchanged";
        if (before.kind() == SourceKind.MQTT && request.password() != null) {
            String given = AlarmSourceValidation.credential("password", request.password());
            store.storePassword(id, given == null ? null : seal(id, given));
            password = given == null ? "removed" : "changed";
        }
        AlarmSource changed = find(id);
        audit.record(describe(AuditEvent.success("alarm.source.changed", changed.auditTarget()), changed)
                .with("password", password));
        events.publishEvent(new AlarmSourcesChanged(id));
        return changed;
    }

    @Transactional
    void delete(long id) {
        AlarmSource source = find(id);
        store.delete(id);
        audit.record(describe(AuditEvent.success("alarm.source.deleted", source.auditTarget()), source));
        events.publishEvent(new AlarmSourcesChanged(id));
    }

    @Transactional
    WithToken rotateToken(long id) {
        AlarmSource source = find(id);
        if (source.kind() != SourceKind.WEBHOOK) throw AlarmSourceProblem.invalid("noToken",
                "The alarm source " + source.name() + " takes its events from MQTT and has no webhook token.",
                source.name());
        String token = SourceTokens.newToken();
        store.storeTokenHash(id, SourceTokens.sha256(token));
        audit.record(AuditEvent.success("alarm.source.token.rotated", source.auditTarget()).by(actor()));
        return new WithToken(source, token);
    }

    /** The password to connect with, or {@code null}; never shown anywhere. */
    String mqttPassword(long id) {
        return store.sealedPassword(id)
                .map(sealed -> new String(secrets.open(sealed, associatedData(id)), StandardCharsets.UTF_8))
                .orElse(null);
    }

    /** The source with the request's settings; kind, name and the bookkeeping come from {@code base}. */
    private AlarmSource settings(AlarmSource base, AlarmSourceChanges request) {
        String alarmType = request.alarmType() == null || request.alarmType().isBlank()
                ? base.kind().defaultAlarmType() : request.alarmType().strip().toLowerCase(Locale.ROOT);
        if (!store.alarmTypeExists(alarmType)) throw AlarmSourceProblem.invalid("alarmType",
                "alarmType: there is no alarm type " + alarmType + "; the types are " + String.join(", ",
                        store.alarmTypes()) + ".", alarmType);
        Double latitude = AlarmSourceValidation.latitude(request.latitude());
        Double longitude = AlarmSourceValidation.longitude(request.longitude());
        AlarmSourceValidation.place(latitude, longitude);
        AlarmSource.MqttSettings mqtt = null;
        if (base.kind() == SourceKind.MQTT) {
            mqtt = new AlarmSource.MqttSettings(AlarmSourceValidation.brokerUrl(request.brokerUrl()),
                    AlarmSourceValidation.credential("username", request.username()), false,
                    AlarmSourceValidation.topicFilter(request.topicFilter()), AlarmSourceValidation.qos(request.qos()));
        } else if (request.brokerUrl() != null || request.topicFilter() != null || request.username() != null
                || request.password() != null || request.qos() != null) {
            throw AlarmSourceProblem.invalid("webhookMqttFields",
                    "brokerUrl, topicFilter, username, password and qos belong to MQTT sources; a webhook source "
                            + "is reached with its own token.");
        }
        return new AlarmSource(base.id(), base.name(), base.kind(), alarmType,
                Objects.requireNonNullElse(request.enabled(), true), latitude, longitude,
                existingCameras(request.cameraIds()), mqtt, base.createdAt(), base.createdBy(), base.updatedAt(),
                base.lastEventAt(), base.lastEventState(), base.lastErrorAt(), base.lastError());
    }

    private List<Long> existingCameras(List<Long> requested) {
        if (requested == null) return List.of();
        var ids = new LinkedHashSet<Long>();
        for (Long id : requested) {
            if (id == null) throw AlarmSourceProblem.invalid("cameraNull", "cameraIds: a camera id is missing.");
            if (cameras.find(id).isEmpty()) throw AlarmSourceProblem.invalid("cameraUnknown",
                    "cameraIds: there is no camera " + id + ".", String.valueOf(id));
            ids.add(id);
        }
        if (ids.size() > AlarmSourceValidation.MAX_CAMERAS) throw AlarmSourceProblem.invalid("cameraTooMany",
                "cameraIds: link at most " + AlarmSourceValidation.MAX_CAMERAS + " cameras.",
                AlarmSourceValidation.MAX_CAMERAS);
        return new ArrayList<>(ids);
    }

    private String uniqueName(String requested, long exceptId) {
        String name = AlarmSourceValidation.name(requested);
        if (store.nameTaken(name, exceptId)) throw AlarmSourceProblem.invalid("nameTaken",
                "name: there is already an alarm source called " + name + ".", name);
        return name;
    }

    private AuditEvent describe(AuditEvent event, AlarmSource source) {
        AuditEvent described = event.by(actor()).with("name", source.name()).with("kind", source.kind().value())
                .with("alarmType", source.alarmType()).with("enabled", String.valueOf(source.enabled()))
                .with("cameras", source.cameraIds().toString());
        if (source.mqtt() != null) described = described.with("broker", source.mqtt().brokerUrl())
                .with("topicFilter", source.mqtt().topicFilter());
        return described;
    }

    private String seal(long id, String password) {
        return secrets.seal(password.getBytes(StandardCharsets.UTF_8), associatedData(id));
    }

    private static String associatedData(long id) {
        return "alarm-source:" + id;
    }

    private static String actor() {
        return CurrentUser.get().map(SignedInUser::username).orElse("system");
    }
}

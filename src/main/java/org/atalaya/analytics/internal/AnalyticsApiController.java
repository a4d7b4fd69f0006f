package org.atalaya.analytics.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.camera.GrayFrame;
import org.atalaya.camera.RegisteredCamera;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A camera's analytics settings over the API (and for the console's zone editor, which calls it with the session):
 * read by those who see the camera or its alarms, changed by those who configure alarms, each change audited; and
 * the camera's current analytics picture to draw zones on.
 */
@RestController
class AnalyticsApiController {

    static final String SETTINGS_CHANGED = "analytics.settings.changed";

    private final AnalyticsAccess access;
    private final JdbcAnalyticsSettingsStore store;
    private final CameraAnalysers analysers;
    private final LatestFrames frames;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    AnalyticsApiController(AnalyticsAccess access, JdbcAnalyticsSettingsStore store, CameraAnalysers analysers,
                           LatestFrames frames, AuditLog audit, TransactionTemplate transaction) {
        this.access = access;
        this.store = store;
        this.analysers = analysers;
        this.frames = frames;
        this.audit = audit;
        this.transaction = transaction;
    }

    @GetMapping("/api/v1/cameras/{id}/analytics")
    @RequiresPermission(Permission.CAMERA_VIEW)
    AnalyticsSettingsJson settings(@PathVariable long id) {
        RegisteredCamera camera = access.visible(id);
        return AnalyticsSettingsJson.of(store.forCamera(id), camera.analysed());
    }

    /** Replaces the camera's settings; the settings and their audit entry are kept together or not at all. */
    @PutMapping("/api/v1/cameras/{id}/analytics")
    @RequiresPermission(Permission.ALARM_CONFIGURE)
    AnalyticsSettingsJson change(@PathVariable long id, @RequestBody AnalyticsSettingsJson request) {
        RegisteredCamera camera = access.visible(id);
        AnalyticsSettings settings = request.toSettings(id);
        String username = CurrentUser.get().orElseThrow().username();
        transaction.executeWithoutResult(ignored -> {
            store.save(settings, username);
            audit.record(summary(AuditEvent.success(SETTINGS_CHANGED, camera.auditTarget()), settings));
        });
        analysers.settingsChanged(id);
        return AnalyticsSettingsJson.of(store.forCamera(id), camera.analysed());
    }

    private static AuditEvent summary(AuditEvent event, AnalyticsSettings settings) {
        long detect = settings.zones().stream().filter(zone -> zone.kind() == Zone.Kind.DETECT).count();
        return event.with("motion", settings.motionEnabled() ? "on" : "off")
                .with("zones", detect + " detect, " + (settings.zones().size() - detect) + " exclude")
                .with("minDuration", String.format(Locale.ROOT, "%.1f s", settings.minDuration().toMillis() / 1000.0))
                .with("schedule", settings.schedule().isEmpty() ? "always armed"
                        : settings.schedule().size() + " weekly windows")
                .with("tamper", settings.tamperEnabled() ? "on" : "off");
    }

    /** The camera's latest analytics frame as a gray PNG: a look at live video, so audited. */
    @GetMapping(path = "/api/v1/cameras/{id}/analytics/snapshot.png")
    @RequiresPermission(Permission.LIVE_VIEW)
    ResponseEntity<byte[]> snapshot(@PathVariable long id) {
        RegisteredCamera camera = access.watchable(id);
        GrayFrame frame = frames.latest(id).orElseThrow(AnalyticsProblem::noPicture);
        byte[] png = png(frame);
        audit.record(AuditEvent.success(AnalyticsAccess.SNAPSHOT_VIEWED, camera.auditTarget())
                .with("frameAt", frame.at().toString()));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
    }

    static byte[] png(GrayFrame frame) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, frame.width(), frame.height(), frame.pixels());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

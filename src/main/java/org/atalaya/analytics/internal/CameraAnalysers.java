package org.atalaya.analytics.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.atalaya.analytics.DetectionProperties;
import org.atalaya.analytics.MotionDetected;
import org.atalaya.analytics.TamperDetected;
import org.atalaya.camera.GrayFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a motion detector and a tamper detector for each analysed camera and publishes what they find as
 * {@link MotionDetected} and {@link TamperDetected}. Each camera's settings are read from the store when its first
 * frame arrives, again after {@link #settingsChanged} and at least every
 * {@link DetectionProperties#settingsRefresh()} (another server may have changed them).
 */
@Component
class CameraAnalysers implements FrameAnalysis {

    private static final Logger LOG = LoggerFactory.getLogger(CameraAnalysers.class);

    private final AnalyticsSettingsStore store;
    private final DetectionProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Map<Long, CameraAnalyser> analysers = new ConcurrentHashMap<>();

    CameraAnalysers(AnalyticsSettingsStore store, DetectionProperties properties, ApplicationEventPublisher events,
                    TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void analyse(long cameraId, GrayFrame frame) {
        CameraAnalyser analyser = analysers.computeIfAbsent(cameraId, CameraAnalyser::new);
        AnalyticsSettings settings = analyser.currentSettings();
        if (settings.motionEnabled()) {
            analyser.motion.analyse(frame, settings.zones(), settings.minDuration(), analyser.armed(frame.at()))
                    .ifPresent(this::publish);
        } else {
            analyser.motion.reset();
        }
        if (settings.tamperEnabled()) {
            analyser.tamper.analyse(frame).ifPresent(this::publish);
        }
    }

    @Override
    public void reset(long cameraId) {
        CameraAnalyser analyser = analysers.get(cameraId);
        if (analyser != null) analyser.reset();
    }

    /** The camera's settings were saved: its next frame is analysed with them. */
    void settingsChanged(long cameraId) {
        CameraAnalyser analyser = analysers.get(cameraId);
        if (analyser != null) analyser.settingsChanged = true;
    }

    private void publish(Object detection) {
        try {
            // transactional listeners (and the event publication log) only hear events published in a transaction
            transaction.executeWithoutResult(ignored -> events.publishEvent(detection));
        } catch (RuntimeException e) {
            LOG.warn("Could not record the detection {}: {}", detection, e.getMessage());
        }
    }

    /** One camera's detectors and the settings they work with. */
    private final class CameraAnalyser {

        private final long cameraId;
        private final MotionDetector motion;
        private final TamperDetector tamper;
        private AnalyticsSettings settings;
        private Instant settingsReadAt;
        private ArmingSchedule schedule;
        private volatile boolean settingsChanged;

        CameraAnalyser(long cameraId) {
            this.cameraId = cameraId;
            this.motion = new MotionDetector(cameraId, properties.motionQuietPeriod());
            this.tamper = new TamperDetector(cameraId, properties.tamperConfirmation(),
                    properties.tamperBaselineLearning());
        }

        AnalyticsSettings currentSettings() {
            Instant now = clock.instant();
            boolean due = settings == null || settingsChanged
                    || Duration.between(settingsReadAt, now).compareTo(properties.settingsRefresh()) >= 0;
            if (due) {
                settingsChanged = false;
                settingsReadAt = now;
                read().ifPresent(read -> settings = read);
                if (settings == null) settings = AnalyticsSettings.defaults(cameraId);
                if (schedule == null || !schedule.fits(settings.schedule())) {
                    schedule = new ArmingSchedule(settings.schedule(), properties.timeZone());
                }
            }
            return settings;
        }

        boolean armed(Instant at) {
            return schedule.armed(at);
        }

        void reset() {
            motion.reset();
            tamper.reset();
        }

        private Optional<AnalyticsSettings> read() {
            try {
                return Optional.of(store.forCamera(cameraId));
            } catch (RuntimeException e) {
                LOG.warn("Could not read the analytics settings of camera {}, keeping the last known: {}", cameraId,
                        e.getMessage());
                return Optional.empty();
            }
        }
    }
}

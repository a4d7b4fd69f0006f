package org.atalaya.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.atalaya.analytics.MotionDetected;
import org.atalaya.camera.GrayFrame;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@AtalayaTest
class CameraAnalysersTest {

    private static final String BOX_CROSSING = RenderedFrames.BOX_CROSSING;

    /** A motion event as a listener heard it, and whether it came inside a transaction. */
    record Heard(MotionDetected motion, boolean inTransaction) {
    }

    @Autowired
    CameraAnalysers analysers;
    @Autowired
    JdbcAnalyticsSettingsStore store;
    @Autowired
    ApplicationEventMulticaster multicaster;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @LocalServerPort
    int port;

    final List<Heard> heard = new CopyOnWriteArrayList<>();
    ApplicationListener<ApplicationEvent> listener;
    long camera;

    @BeforeEach
    void listen() {
        var fixtures = new AnalyticsSettingsFixtures(jdbc, accounts, port);
        camera = fixtures.camera(fixtures.group());
        listener = event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof MotionDetected motion
                    && motion.cameraId() == camera) {
                heard.add(new Heard(motion, TransactionSynchronizationManager.isActualTransactionActive()));
            }
        };
        multicaster.addApplicationListener(listener);
    }

    @AfterEach
    void stopListening() {
        multicaster.removeApplicationListener(listener);
        analysers.reset(camera);
    }

    @Test
    void motionInACamerasZoneReachesListenersInsideATransaction() throws IOException {
        store.save(settings(true), "analytics-tester");

        for (GrayFrame frame : RenderedFrames.render(RenderedFrames.STILL_SCENE, BOX_CROSSING, 12)) {
            analysers.analyse(camera, frame);
        }

        assertThat(heard).singleElement().satisfies(event -> {
            assertThat(event.motion().zone()).isEqualTo("yard");
            assertThat(event.inTransaction()).isTrue();
        });
    }

    @Test
    void changedSettingsApplyFromTheNextFrame() throws IOException {
        store.save(settings(false), "analytics-tester");
        List<GrayFrame> frames = RenderedFrames.render(RenderedFrames.STILL_SCENE, BOX_CROSSING, 12);
        frames.subList(0, 20).forEach(frame -> analysers.analyse(camera, frame));

        store.save(settings(true), "analytics-tester");
        analysers.settingsChanged(camera);
        frames.subList(20, frames.size()).forEach(frame -> analysers.analyse(camera, frame));

        assertThat(heard).extracting(event -> event.motion().zone()).containsExactly("yard");
    }

    private AnalyticsSettings settings(boolean motionEnabled) {
        Zone yard = MotionDetectorTest.band("yard", Zone.Kind.DETECT, 0.3, 0.7);
        return new AnalyticsSettings(camera, motionEnabled, List.of(yard), Duration.ofSeconds(1), List.of(), false);
    }
}

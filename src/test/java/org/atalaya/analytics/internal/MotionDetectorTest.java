package org.atalaya.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.atalaya.analytics.MotionDetected;
import org.atalaya.camera.GrayFrame;
import org.junit.jupiter.api.Test;

class MotionDetectorTest {

    private static final String BOX_CROSSING = RenderedFrames.BOX_CROSSING;
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final List<ArmingWindow> ALWAYS_ARMED = List.of();

    @Test
    void aBoxCrossingTheStillPictureIsOneEpisodeOfMotionInTheWholePicture() throws IOException {
        List<MotionDetected> found = detect(RenderedFrames.render(RenderedFrames.STILL_SCENE, BOX_CROSSING, 20),
                List.of(), ALWAYS_ARMED);

        assertThat(found).hasSize(1);
        MotionDetected motion = found.getFirst();
        assertThat(motion.cameraId()).isEqualTo(7);
        assertThat(motion.zone()).isEqualTo(ZoneMask.WHOLE_PICTURE);
        assertThat(motion.at()).isBetween(RenderedFrames.atSecond(4.8), RenderedFrames.atSecond(5.6));
        assertThat(motion.areaPercent()).isBetween(1.0, 5.0);
    }

    @Test
    void motionIsReportedInTheZoneItHappenedIn() throws IOException {
        Zone gate = band("gate", Zone.Kind.DETECT, 0.0, 0.3);
        Zone yard = band("yard", Zone.Kind.DETECT, 0.3, 0.7);

        List<MotionDetected> found = detect(RenderedFrames.render(RenderedFrames.STILL_SCENE, BOX_CROSSING, 20),
                List.of(gate, yard), ALWAYS_ARMED);

        assertThat(found).extracting(MotionDetected::zone).containsExactly("yard");
    }

    @Test
    void motionInsideAnExcludedZoneIsIgnored() throws IOException {
        Zone road = band("road", Zone.Kind.EXCLUDE, 0.25, 0.65);

        List<MotionDetected> found = detect(RenderedFrames.render(RenderedFrames.STILL_SCENE, BOX_CROSSING, 20),
                List.of(road), ALWAYS_ARMED);

        assertThat(found).isEmpty();
    }

    @Test
    void motionOutsideTheArmingScheduleIsNotReported() throws IOException {
        List<GrayFrame> frames = RenderedFrames.render(RenderedFrames.STILL_SCENE, BOX_CROSSING, 20);
        // the frames are on a Monday from 15:00 UTC
        var nightsOnly = List.of(new ArmingWindow(Set.of(DayOfWeek.values()), LocalTime.of(22, 0), LocalTime.of(6, 0)));
        var mondayAfternoons = List.of(new ArmingWindow(Set.of(DayOfWeek.MONDAY), LocalTime.of(14, 0),
                LocalTime.of(16, 0)));

        assertThat(detect(frames, List.of(), nightsOnly)).isEmpty();
        assertThat(detect(frames, List.of(), mondayAfternoons)).hasSize(1);
    }

    @Test
    void sensorNoiseIsNotMotionButABoxCrossingTheNoiseIs() throws IOException {
        String noise = "noise=alls=20:allf=t";

        assertThat(detect(RenderedFrames.render(RenderedFrames.STILL_SCENE, noise, 20), List.of(), ALWAYS_ARMED))
                .isEmpty();
        assertThat(detect(RenderedFrames.render(RenderedFrames.STILL_SCENE, BOX_CROSSING + "," + noise, 20),
                List.of(), ALWAYS_ARMED)).hasSize(1);
    }

    @Test
    void theLightsGoingUpAtOnceIsNotMotion() throws IOException {
        List<MotionDetected> found = detect(RenderedFrames.render(RenderedFrames.STILL_SCENE,
                "lutyuv=y='clip(val+76,0,255)':enable='gte(t,5)'", 20), List.of(), ALWAYS_ARMED);

        assertThat(found).isEmpty();
    }

    @Test
    void theLightsGoingDownOverTwoSecondsIsNotMotion() throws IOException {
        List<MotionDetected> found = detect(RenderedFrames.render(RenderedFrames.STILL_SCENE,
                "format=gray,geq=lum='clip(lum(X,Y)-76*clip((T-5)/2,0,1),0,255)'", 20), List.of(), ALWAYS_ARMED);

        assertThat(found).isEmpty();
    }

    @Test
    void motionShorterThanTheMinimumDurationIsNotReported() throws IOException {
        List<GrayFrame> frames = RenderedFrames.render(RenderedFrames.STILL_SCENE, BOX_CROSSING, 20);
        MotionDetector detector = new MotionDetector(7, Duration.ofSeconds(5));
        List<MotionDetected> found = new ArrayList<>();
        for (GrayFrame frame : frames) {
            detector.analyse(frame, List.of(), Duration.ofSeconds(4), true).ifPresent(found::add);
        }

        assertThat(found).isEmpty();
    }

    @Test
    void anotherEpisodeIsReportedOnlyAfterTheQuietPeriod() throws IOException {
        // the box crosses from 2 to 5 s, again from 7 to 9 s (2 s of quiet) and again from 16 to 18 s (7 s of quiet)
        List<GrayFrame> frames = RenderedFrames.render(RenderedFrames.STILL_SCENE,
                RenderedFrames.movingBox("between(T,2,5)+between(T,7,9)+between(T,16,18)", "mod(T*60,280)", 60), 22);

        List<MotionDetected> found = detect(frames, List.of(), ALWAYS_ARMED);

        assertThat(found).extracting(MotionDetected::at).satisfiesExactly(
                first -> assertThat(first).isBetween(RenderedFrames.atSecond(1.8), RenderedFrames.atSecond(2.6)),
                second -> assertThat(second).isBetween(RenderedFrames.atSecond(15.8), RenderedFrames.atSecond(16.6)));
    }

    @Test
    void anObjectThatStopsBecomesPartOfTheSceneSoALaterCrossingIsANewEpisode() throws IOException {
        // a box crosses from 2 s and parks at x 120 from 4 s to the end; another crosses lower down from 30 to 33 s
        String parking = RenderedFrames.movingBox("gte(T,2)", "min((T-2)*60,120)", 40);
        String crossingLater = RenderedFrames.movingBox("between(T,30,33)", "(T-30)*60", 120);

        List<MotionDetected> found = detect(RenderedFrames.render(RenderedFrames.STILL_SCENE,
                parking + "," + crossingLater, 36), List.of(), ALWAYS_ARMED);

        assertThat(found).extracting(MotionDetected::at).satisfiesExactly(
                first -> assertThat(first).isBetween(RenderedFrames.atSecond(1.8), RenderedFrames.atSecond(2.6)),
                second -> assertThat(second).isBetween(RenderedFrames.atSecond(29.8), RenderedFrames.atSecond(30.6)));
    }

    @Test
    void aBusySceneMoves() throws IOException {
        List<MotionDetected> found = detect(RenderedFrames.render(RenderedFrames.BUSY_SCENE, null, 10), List.of(),
                ALWAYS_ARMED);

        assertThat(found).hasSize(1);
    }

    private static List<MotionDetected> detect(List<GrayFrame> frames, List<Zone> zones,
                                               List<ArmingWindow> windows) {
        MotionDetector detector = new MotionDetector(7, Duration.ofSeconds(5));
        ArmingSchedule schedule = new ArmingSchedule(windows, ZoneOffset.UTC);
        List<MotionDetected> found = new ArrayList<>();
        for (GrayFrame frame : frames) {
            detector.analyse(frame, zones, ONE_SECOND, schedule.armed(frame.at())).ifPresent(found::add);
        }
        return found;
    }

    /** A horizontal band across the picture from {@code top} to {@code bottom} (0 to 1). */
    static Zone band(String name, Zone.Kind kind, double top, double bottom) {
        return new Zone(name, kind, List.of(new Zone.Point(0, top), new Zone.Point(1, top), new Zone.Point(1, bottom),
                new Zone.Point(0, bottom)), 50, 1.0);
    }
}

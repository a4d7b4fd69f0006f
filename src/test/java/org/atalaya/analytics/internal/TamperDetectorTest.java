package org.atalaya.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.analytics.TamperDetected;
import org.atalaya.analytics.TamperKind;
import org.atalaya.camera.GrayFrame;
import org.junit.jupiter.api.Test;

class TamperDetectorTest {

    private static final Duration CONFIRMATION = Duration.ofSeconds(3);
    private static final Duration LEARNING = Duration.ofSeconds(10);

    @Test
    void aBusySceneIsNotTamperedWith() throws IOException {
        assertThat(detect(RenderedFrames.render(RenderedFrames.BUSY_SCENE, null, 30))).isEmpty();
    }

    @Test
    void aStillSceneIsNotTamperedWith() throws IOException {
        assertThat(detect(RenderedFrames.render(RenderedFrames.STILL_SCENE, null, 30))).isEmpty();
    }

    @Test
    void aNoisyStillSceneIsNotTamperedWith() throws IOException {
        assertThat(detect(RenderedFrames.render(RenderedFrames.STILL_SCENE, "noise=alls=20:allf=t", 30))).isEmpty();
    }

    @Test
    void anObjectCrossingAPlainSceneIsNotAMovedCamera() throws IOException {
        String plainStreet = "color=c=0x2a3440:size=320x180:rate=5,drawgrid=w=40:h=30:t=1:c=0x3c4856";
        String crossing = RenderedFrames.movingBox("between(T,14,19)", "(T-14)*64", 70);

        assertThat(detect(RenderedFrames.render(plainStreet, crossing, 30))).isEmpty();
    }

    @Test
    void aPictureThatTurnsBlackIsCoveredOnceUntilItIsBack() throws IOException {
        List<TamperDetected> found = detect(RenderedFrames.render(RenderedFrames.BUSY_SCENE,
                "drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:enable='between(t,12,22)'", 30));

        assertThat(found).singleElement().satisfies(tamper -> {
            assertThat(tamper.kind()).isEqualTo(TamperKind.COVERED);
            assertThat(tamper.cameraId()).isEqualTo(3);
            assertThat(tamper.at()).isBetween(RenderedFrames.atSecond(11.8), RenderedFrames.atSecond(12.4));
            assertThat(tamper.detail()).matches("brightness \\d+ of 255, detail \\d+\\.\\d against a baseline of "
                    + "\\d+\\.\\d");
        });
    }

    @Test
    void aPictureThatTurnsUniformGrayIsCovered() throws IOException {
        List<TamperDetected> found = detect(RenderedFrames.render(RenderedFrames.BUSY_SCENE,
                "drawbox=x=0:y=0:w=iw:h=ih:color=gray:t=fill:enable='gte(t,12)'", 30));

        assertThat(found).extracting(TamperDetected::kind).containsExactly(TamperKind.COVERED);
    }

    @Test
    void coveringItAgainAfterItWasBackIsReportedAgain() throws IOException {
        List<TamperDetected> found = detect(RenderedFrames.render(RenderedFrames.BUSY_SCENE,
                "drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:enable='between(t,12,17)+gte(t,23)'", 30));

        assertThat(found).extracting(TamperDetected::at).satisfiesExactly(
                first -> assertThat(first).isBetween(RenderedFrames.atSecond(11.8), RenderedFrames.atSecond(12.4)),
                second -> assertThat(second).isBetween(RenderedFrames.atSecond(22.8), RenderedFrames.atSecond(23.4)));
    }

    @Test
    void aBlurredPictureIsDefocused() throws IOException {
        List<TamperDetected> found = detect(RenderedFrames.render(RenderedFrames.BUSY_SCENE,
                "gblur=sigma=8:enable='gte(t,12)'", 30));

        assertThat(found).singleElement().satisfies(tamper -> {
            assertThat(tamper.kind()).isEqualTo(TamperKind.DEFOCUSED);
            assertThat(tamper.at()).isBetween(RenderedFrames.atSecond(11.8), RenderedFrames.atSecond(12.4));
            assertThat(tamper.detail()).startsWith("sharpness ");
        });
    }

    @Test
    void aShiftedSceneIsMovedAndThenTheNewNormal() throws IOException {
        List<TamperDetected> found = detect(RenderedFrames.render(RenderedFrames.BUSY_SCENE,
                "crop=w=iw-80:h=ih:x='if(gte(t,12),80,0)':y=0,scale=320:180", 40));

        assertThat(found).singleElement().satisfies(tamper -> {
            assertThat(tamper.kind()).isEqualTo(TamperKind.MOVED);
            assertThat(tamper.at()).isBetween(RenderedFrames.atSecond(11.8), RenderedFrames.atSecond(12.4));
            assertThat(tamper.detail()).matches("the picture matches the reference by -?\\d\\.\\d\\d \\(.*\\)");
        });
    }

    @Test
    void aShortCoverIsNotReported() throws IOException {
        List<TamperDetected> found = detect(RenderedFrames.render(RenderedFrames.BUSY_SCENE,
                "drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:enable='between(t,12,14)'", 30));

        assertThat(found).isEmpty();
    }

    private static List<TamperDetected> detect(List<GrayFrame> frames) {
        TamperDetector detector = new TamperDetector(3, CONFIRMATION, LEARNING);
        List<TamperDetected> found = new ArrayList<>();
        for (GrayFrame frame : frames) {
            detector.analyse(frame).ifPresent(found::add);
        }
        return found;
    }
}

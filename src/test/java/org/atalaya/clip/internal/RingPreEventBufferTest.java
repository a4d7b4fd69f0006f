package org.atalaya.clip.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.atalaya.media.Mp4Fragment;
import org.atalaya.media.Mp4InitSegment;
import org.atalaya.test.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class RingPreEventBufferTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T12:00:00Z"));

    @Test
    void keepsThePreEventTimeAndTheLateReportAllowanceBackToTheKeyframeBeforeIt() {
        RingPreEventBuffer buffer = buffer(5, DataSize.ofMegabytes(16));
        CameraFeed feed = new CameraFeed(1, buffer, clock);
        feed.feedUntil(20);

        List<BufferedFragment> kept = followFrom(buffer, 1, Instant.EPOCH);

        Instant cutoff = feed.at(15).minus(RingPreEventBuffer.LATE_REPORT_ALLOWANCE);
        assertThat(kept.getFirst().startsWithKeyframe()).isTrue();
        assertThat(kept.getFirst().startedAt()).isBeforeOrEqualTo(cutoff)
                .isAfterOrEqualTo(cutoff.minusSeconds(1).minus(CameraFeed.ROUNDING));
        assertThat(kept.getLast().arrivedAt()).isCloseTo(feed.at(20), CameraFeed.ROUNDING_OFFSET);
    }

    @Test
    void aFollowerGetsTheKeptFragmentsFromTheKeyframeBeforeItsStartThenTheStream() {
        RingPreEventBuffer buffer = buffer(10, DataSize.ofMegabytes(16));
        CameraFeed feed = new CameraFeed(2, buffer, clock);
        feed.feedUntil(12);

        List<BufferedFragment> taken = new ArrayList<>();
        boolean connected = buffer.follow(2, feed.at(6.2), recorder(taken, new ArrayList<>()));
        int fromBuffer = taken.size();
        feed.feedUntil(14);

        assertThat(connected).isTrue();
        assertThat(taken.getFirst().startsWithKeyframe()).isTrue();
        assertThat(taken.getFirst().startedAt()).isCloseTo(feed.at(6), CameraFeed.ROUNDING_OFFSET);
        assertThat(taken.getLast().arrivedAt()).isCloseTo(feed.at(14), CameraFeed.ROUNDING_OFFSET);
        assertThat(taken.size() - fromBuffer).as("the fragments of the 2 s that arrived after").isEqualTo(4);
    }

    @Test
    void dropsTheOldestKeyframeGroupsToStayWithinItsSize() {
        long bytesPerSecond = CameraFeed.stream().fragments().stream().mapToLong(Mp4Fragment::size).sum()
                / CameraFeed.SECONDS;
        long max = bytesPerSecond * 7 / 2;
        RingPreEventBuffer buffer = buffer(15, DataSize.ofBytes(max));
        CameraFeed feed = new CameraFeed(3, buffer, clock);
        feed.feedUntil(20);

        List<BufferedFragment> kept = followFrom(buffer, 3, Instant.EPOCH);

        long total = kept.stream().mapToLong(BufferedFragment::size).sum();
        assertThat(buffer.bytesKept(3)).isEqualTo(total).isLessThanOrEqualTo(max).isPositive();
        assertThat(kept.getFirst().startsWithKeyframe()).isTrue();
        assertThat(kept.getFirst().startedAt()).as("well within the 20 s it would keep without the size limit")
                .isAfter(feed.at(10));
    }

    @Test
    void keepsNothingBeforeTheFirstKeyframe() {
        RingPreEventBuffer buffer = buffer(10, DataSize.ofMegabytes(16));
        List<Mp4Fragment> fragments = new CameraFeed(4, buffer, clock).stream.fragments();
        // a keyframe a second, a fragment every half second
        assertThat(fragments.get(1).startsWithKeyframe()).isFalse();
        assertThat(fragments.get(2).startsWithKeyframe()).isTrue();
        buffer.fragmentArrived(4, fragments.get(1));

        assertThat(buffer.bytesKept(4)).isZero();
        buffer.fragmentArrived(4, fragments.get(2));
        assertThat(buffer.bytesKept(4)).isEqualTo(fragments.get(2).size());
    }

    @Test
    void aCameraWhoseStreamEndedIsNotConnectedAndItsFollowersAreTold() {
        RingPreEventBuffer buffer = buffer(10, DataSize.ofMegabytes(16));
        CameraFeed feed = new CameraFeed(5, buffer, clock);
        feed.feedUntil(4);
        List<String> stops = new ArrayList<>();
        buffer.follow(5, feed.at(1), recorder(new ArrayList<>(), stops));

        feed.end();

        assertThat(stops).containsExactly("the camera's stream ended");
        assertThat(buffer.follow(5, feed.at(1), recorder(new ArrayList<>(), new ArrayList<>()))).isFalse();
        assertThat(buffer.follow(99, feed.at(1), recorder(new ArrayList<>(), new ArrayList<>()))).isFalse();
        assertThat(buffer.bytesKept(5)).isZero();
    }

    @Test
    void aRestartedStreamEndsTheFollowersOfTheRunBefore() {
        RingPreEventBuffer buffer = buffer(10, DataSize.ofMegabytes(16));
        CameraFeed feed = new CameraFeed(6, buffer, clock);
        feed.feedUntil(4);
        List<String> stops = new ArrayList<>();
        buffer.follow(6, feed.at(1), recorder(new ArrayList<>(), stops));

        buffer.streamStarted(6, feed.stream.init());

        assertThat(stops).containsExactly("the camera's stream restarted");
        assertThat(buffer.bytesKept(6)).isZero();
    }

    private RingPreEventBuffer buffer(int preSeconds, DataSize max) {
        return new RingPreEventBuffer(CameraFeed.properties(preSeconds, 20, max, Duration.ofSeconds(30)), clock);
    }

    private static List<BufferedFragment> followFrom(RingPreEventBuffer buffer, long cameraId, Instant from) {
        List<BufferedFragment> kept = new ArrayList<>();
        buffer.follow(cameraId, from, new StreamFollower() {
            @Override
            public void begin(Mp4InitSegment init) {
            }

            @Override
            public boolean accept(BufferedFragment fragment) {
                kept.add(fragment);
                return true;
            }

            @Override
            public void streamStopped(String why) {
            }
        });
        return kept;
    }

    private static StreamFollower recorder(List<BufferedFragment> taken, List<String> stops) {
        return new StreamFollower() {
            @Override
            public void begin(Mp4InitSegment init) {
            }

            @Override
            public boolean accept(BufferedFragment fragment) {
                taken.add(fragment);
                return true;
            }

            @Override
            public void streamStopped(String why) {
                stops.add(why);
            }
        };
    }
}

package org.atalaya.media;

import static org.atalaya.media.Mp4TestBoxes.KEYFRAME;
import static org.atalaya.media.Mp4TestBoxes.NOT_KEYFRAME;
import static org.atalaya.media.Mp4TestBoxes.audioTrak;
import static org.atalaya.media.Mp4TestBoxes.box;
import static org.atalaya.media.Mp4TestBoxes.boxToEnd;
import static org.atalaya.media.Mp4TestBoxes.concat;
import static org.atalaya.media.Mp4TestBoxes.filled;
import static org.atalaya.media.Mp4TestBoxes.ftyp;
import static org.atalaya.media.Mp4TestBoxes.fullBox;
import static org.atalaya.media.Mp4TestBoxes.largeBox;
import static org.atalaya.media.Mp4TestBoxes.mdat;
import static org.atalaya.media.Mp4TestBoxes.moof;
import static org.atalaya.media.Mp4TestBoxes.moov;
import static org.atalaya.media.Mp4TestBoxes.mvex;
import static org.atalaya.media.Mp4TestBoxes.tfdt;
import static org.atalaya.media.Mp4TestBoxes.tfhd;
import static org.atalaya.media.Mp4TestBoxes.traf;
import static org.atalaya.media.Mp4TestBoxes.trex;
import static org.atalaya.media.Mp4TestBoxes.trun;
import static org.atalaya.media.Mp4TestBoxes.trunPerSample;
import static org.atalaya.media.Mp4TestBoxes.u32;
import static org.atalaya.media.Mp4TestBoxes.videoTrak;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FragmentedMp4ReaderTest {

    private static final long LIMIT = 64 * 1024;
    private static final byte[] FTYP = ftyp();
    private static final byte[] MOOV = moov(videoTrak(1, 15360, 640, 360), mvex(trex(1, 1024, NOT_KEYFRAME)));

    @Test
    void keepsTheInitSegmentBytesAndDescribesItsTrack() throws IOException {
        var reader = reader(concat(FTYP, MOOV));

        Mp4InitSegment init = reader.initSegment();

        assertThat(bytes(init.content())).isEqualTo(concat(FTYP, MOOV));
        assertThat(init.tracks()).containsExactly(new Mp4Track(1, "vide", "avc1.64001f", 15360, 640, 360));
        assertThat(reader.nextFragment()).isEmpty();
    }

    @Test
    void splitsFragmentsAndDescribesEachOne() throws IOException {
        byte[] first = concat(moof(1, traf(tfhd(1, 1024L, NOT_KEYFRAME), tfdt(1, 0), trun(8, KEYFRAME))), mdat(800));
        byte[] second = concat(moof(2, traf(tfhd(1, 1024L, NOT_KEYFRAME), tfdt(1, 8192), trun(7, null))), mdat(700));

        List<Mp4Fragment> fragments = readAll(concat(FTYP, MOOV, first, second));

        assertThat(fragments).hasSize(2);
        Mp4Fragment key = fragments.get(0);
        assertThat(bytes(key.content())).isEqualTo(first);
        assertThat(key.sequenceNumber()).isEqualTo(1);
        assertThat(key.trackId()).isEqualTo(1);
        assertThat(key.startsWithKeyframe()).isTrue();
        assertThat(key.decodeTime()).isZero();
        assertThat(key.duration()).isEqualTo(8 * 1024);
        assertThat(key.timescale()).isEqualTo(15360);
        assertThat(key.length()).isEqualTo(Duration.ofNanos(533_333_333));
        Mp4Fragment notKey = fragments.get(1);
        assertThat(bytes(notKey.content())).isEqualTo(second);
        assertThat(notKey.startsWithKeyframe()).isFalse();
        assertThat(notKey.start()).isEqualTo(Duration.ofNanos(533_333_333));
        assertThat(notKey.duration()).isEqualTo(7 * 1024);
    }

    @Test
    void takesTheKeyframeFlagFromTheFragmentDefaultsWhenTheRunHasNone() throws IOException {
        byte[] key = concat(moof(1, traf(tfhd(1, 1000L, KEYFRAME), tfdt(0, 0), trun(1, null))), mdat(10));
        byte[] notKey = concat(moof(2, traf(tfhd(1, 1000L, NOT_KEYFRAME), tfdt(0, 1000), trun(1, null))), mdat(10));

        assertThat(readAll(concat(FTYP, MOOV, key, notKey))).extracting(Mp4Fragment::startsWithKeyframe)
                .containsExactly(true, false);
    }

    @Test
    void fallsBackToTheTrackDefaultsOfTheInitSegment() throws IOException {
        byte[] keyDefaults = moov(videoTrak(1, 90000, 320, 240), mvex(trex(1, 3600, KEYFRAME)));
        byte[] fragment = concat(moof(1, traf(tfhd(1, null, null), trun(5, null))), mdat(10));

        Mp4Fragment read = readAll(concat(keyDefaults, fragment)).getFirst();

        assertThat(read.startsWithKeyframe()).isTrue();
        assertThat(read.duration()).isEqualTo(5 * 3600);
        assertThat(read.length()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void addsUpPerSampleDurationsAndReadsTheFirstSampleFlags() throws IOException {
        byte[] fragment = concat(moof(1, traf(tfhd(1, 1024L, NOT_KEYFRAME), tfdt(1, 0),
                trunPerSample(new long[] {1000, 1100, 900}, new int[] {KEYFRAME, NOT_KEYFRAME, NOT_KEYFRAME}),
                trunPerSample(new long[] {500}, new int[] {KEYFRAME}))), mdat(40));

        Mp4Fragment read = readAll(concat(FTYP, MOOV, fragment)).getFirst();

        assertThat(read.duration()).isEqualTo(3500);
        assertThat(read.startsWithKeyframe()).isTrue();
    }

    @Test
    void continuesTheDecodeTimeWhenAFragmentHasNoTfdt() throws IOException {
        byte[] first = concat(moof(1, traf(tfhd(1, 1024L, KEYFRAME), tfdt(0, 5000), trun(2, null))), mdat(10));
        byte[] second = concat(moof(2, traf(tfhd(1, 1024L, NOT_KEYFRAME), trun(3, null))), mdat(10));

        assertThat(readAll(concat(FTYP, MOOV, first, second))).extracting(Mp4Fragment::decodeTime)
                .containsExactly(5000L, 5000L + 2048);
    }

    @Test
    void describesFragmentsByTheVideoTrackWhenThereIsAlsoAudio() throws IOException {
        byte[] init = moov(audioTrak(1, 48000), videoTrak(2, 90000, 1920, 1080),
                mvex(trex(1, 1024, 0), trex(2, 3000, NOT_KEYFRAME)));
        byte[] fragment = concat(moof(1,
                traf(tfhd(1, 1024L, 0), tfdt(0, 0), trun(10, null)),
                traf(tfhd(2, 3000L, NOT_KEYFRAME), tfdt(0, 0), trun(3, KEYFRAME))), mdat(100));
        var reader = reader(concat(FTYP, init, fragment));

        assertThat(reader.initSegment().primaryTrack().id()).isEqualTo(2);
        Mp4Fragment read = reader.nextFragment().orElseThrow();
        assertThat(read.trackId()).isEqualTo(2);
        assertThat(read.timescale()).isEqualTo(90000);
        assertThat(read.duration()).isEqualTo(9000);
        assertThat(read.startsWithKeyframe()).isTrue();
    }

    @Test
    void skipsBoxesAroundFragments() throws IOException {
        byte[] fragment = concat(moof(1, traf(tfhd(1, 1024L, KEYFRAME), tfdt(0, 0), trun(1, null))), mdat(10));
        byte[] stream = concat(FTYP, box("free", filled(5)), MOOV,
                box("styp", filled(12)), box("sidx", filled(40)), box("prft", filled(20)), box("zzzz", filled(3)),
                fragment, box("free"), fragment, box("mfra", filled(30)));

        List<Mp4Fragment> fragments = readAll(stream);

        assertThat(fragments).hasSize(2);
        assertThat(fragments).allSatisfy(read -> assertThat(bytes(read.content())).isEqualTo(fragment));
    }

    @Test
    void toleratesFreeSpaceBetweenMoofAndMdat() throws IOException {
        byte[] moof = moof(1, traf(tfhd(1, 1024L, KEYFRAME), tfdt(0, 0), trun(1, null)));

        Mp4Fragment read = readAll(concat(FTYP, MOOV, moof, box("free", filled(4)), mdat(10))).getFirst();

        assertThat(bytes(read.content())).isEqualTo(concat(moof, mdat(10)));
    }

    @Test
    void readsBoxesWithSixtyFourBitSizes() throws IOException {
        byte[] moof = moof(1, traf(tfhd(1, 1024L, KEYFRAME), tfdt(1, 1L << 40), trun(1, null)));
        byte[] mdat = largeBox("mdat", filled(300));

        Mp4Fragment read = readAll(concat(FTYP, MOOV, moof, mdat)).getFirst();

        assertThat(bytes(read.content())).isEqualTo(concat(moof, mdat));
        assertThat(read.decodeTime()).isEqualTo(1L << 40);
    }

    @Test
    void readsAnMdatThatRunsToTheEndOfTheStream() throws IOException {
        byte[] moof = moof(1, traf(tfhd(1, 1024L, KEYFRAME), tfdt(0, 0), trun(1, null)));
        byte[] mdat = boxToEnd("mdat", filled(30_000));

        List<Mp4Fragment> fragments = readAll(concat(FTYP, MOOV, moof, mdat));

        assertThat(fragments).hasSize(1);
        assertThat(bytes(fragments.getFirst().content())).isEqualTo(concat(moof, mdat));
    }

    @Test
    void givesEachConsumerItsOwnViewOfTheBytes() throws IOException {
        byte[] fragment = concat(moof(1, traf(tfhd(1, 1024L, KEYFRAME), tfdt(0, 0), trun(1, null))), mdat(10));
        Mp4Fragment read = readAll(concat(FTYP, MOOV, fragment)).getFirst();

        read.content().position(20);

        assertThat(read.content().isReadOnly()).isTrue();
        assertThat(read.content().position()).isZero();
        assertThat(read.size()).isEqualTo(fragment.length);
    }

    @Test
    void refusesABoxLargerThanTheLimitBeforeReadingIt() {
        byte[] moof = moof(1, traf(tfhd(1, 1024L, KEYFRAME), tfdt(0, 0), trun(1, null)));
        byte[] hugeMdatHeader = concat(u32(0x7000_0000L), Mp4TestBoxes.type("mdat"));
        int mdatOffset = FTYP.length + MOOV.length + moof.length;

        assertThatThrownBy(() -> readAll(concat(FTYP, MOOV, moof, hugeMdatHeader)))
                .isInstanceOf(Mp4FormatException.class)
                .hasMessage("box 'mdat' at offset " + mdatOffset + " declares " + 0x7000_0000L
                        + " bytes, more than the limit " + LIMIT);
    }

    @Test
    void refusesAFragmentWhoseMoofAndMdatTogetherExceedTheLimit() {
        byte[] moof = moof(1, traf(tfhd(1, 1024L, KEYFRAME), tfdt(0, 0), trun(1, null)));
        byte[] mdat = mdat((int) LIMIT - 8 - moof.length + 1);

        assertThatThrownBy(() -> readAll(concat(FTYP, MOOV, moof, mdat)))
                .isInstanceOf(Mp4FormatException.class)
                .hasMessage("the fragment at offset " + (FTYP.length + MOOV.length) + " ('moof' and 'mdat') declares "
                        + (LIMIT + 1) + " bytes, more than the limit " + LIMIT);
    }

    @Test
    void refusesABoxRunningToTheEndThatGrowsBeyondTheLimit() {
        byte[] moof = moof(1, traf(tfhd(1, 1024L, KEYFRAME), tfdt(0, 0), trun(1, null)));

        assertThatThrownBy(() -> readAll(concat(FTYP, MOOV, moof, boxToEnd("mdat", filled((int) LIMIT)))))
                .isInstanceOf(Mp4FormatException.class)
                .hasMessageContaining("runs to the end of the stream and is longer than the limit " + LIMIT);
    }

    @Test
    void saysWhereTheStreamEndedInsideABox() {
        byte[] moof = moof(1, traf(tfhd(1, 1024L, KEYFRAME), tfdt(0, 0), trun(1, null)));
        byte[] mdat = mdat(1000);
        byte[] stream = concat(FTYP, MOOV, moof, Arrays.copyOf(mdat, 500));
        int mdatOffset = FTYP.length + MOOV.length + moof.length;

        assertThatThrownBy(() -> readAll(stream))
                .isInstanceOf(Mp4FormatException.class)
                .hasMessage("the stream ended at offset " + stream.length + ", inside the 'mdat' at offset "
                        + mdatOffset + " that declares 1008 bytes");
    }

    @Test
    void saysWhereTheStreamEndedInsideAHeader() {
        byte[] stream = concat(FTYP, MOOV, Arrays.copyOf(mdat(10), 5));

        assertThatThrownBy(() -> readAll(stream))
                .isInstanceOf(Mp4FormatException.class)
                .hasMessage("the stream ended at offset " + stream.length + ", inside the header of a box at offset "
                        + (FTYP.length + MOOV.length));
    }

    @Test
    void saysWhenAFragmentLacksItsMdat() {
        byte[] moof = moof(1, traf(tfhd(1, 1024L, KEYFRAME), tfdt(0, 0), trun(1, null)));
        int moofOffset = FTYP.length + MOOV.length;

        assertThatThrownBy(() -> readAll(concat(FTYP, MOOV, moof)))
                .isInstanceOf(Mp4FormatException.class)
                .hasMessage("the stream ended at offset " + (moofOffset + moof.length) + " after the 'moof' at offset "
                        + moofOffset + ", before its 'mdat'");
        assertThatThrownBy(() -> readAll(concat(FTYP, MOOV, moof, moof)))
                .isInstanceOf(Mp4FormatException.class)
                .hasMessage("the 'moof' at offset " + moofOffset + " is followed by 'moof' at offset "
                        + (moofOffset + moof.length) + " instead of its 'mdat'");
    }

    @Test
    void saysWhenTheInitSegmentIsMissing() {
        byte[] fragment = concat(moof(1, traf(tfhd(1, 1024L, KEYFRAME), trun(1, null))), mdat(10));

        assertThatThrownBy(() -> reader(new byte[0]).initSegment())
                .isInstanceOf(Mp4FormatException.class)
                .hasMessage("the stream ended at offset 0 before its init segment ('moov')");
        assertThatThrownBy(() -> readAll(concat(FTYP, fragment)))
                .isInstanceOf(Mp4FormatException.class)
                .hasMessage("the 'moof' at offset " + FTYP.length + " comes before the init segment ('moov')");
    }

    @Test
    void refusesMalformedBoxes() {
        byte[] tooSmall = concat(u32(4), Mp4TestBoxes.type("free"));
        assertThatThrownBy(() -> readAll(concat(FTYP, MOOV, tooSmall)))
                .isInstanceOf(Mp4FormatException.class)
                .hasMessage("box 'free' at offset " + (FTYP.length + MOOV.length)
                        + " declares 4 bytes, less than its own header");

        byte[] tinyLargeSize = concat(u32(1), Mp4TestBoxes.type("mdat"), Mp4TestBoxes.u64(12));
        assertThatThrownBy(() -> readAll(concat(FTYP, MOOV, tinyLargeSize)))
                .hasMessage("box 'mdat' at offset " + (FTYP.length + MOOV.length)
                        + " declares 12 bytes, less than its own header");

        byte[] binaryType = concat(u32(4), Mp4TestBoxes.u8(0, 0xff, 'a', 'b'));
        assertThatThrownBy(() -> readAll(concat(FTYP, binaryType)))
                .hasMessage("box '\\x00\\xffab' at offset " + FTYP.length + " declares 4 bytes, less than its own header");

        byte[] noTimescale = moov(Mp4TestBoxes.trak(1, 0, "vide", box("avc1")));
        assertThatThrownBy(() -> readAll(noTimescale))
                .isInstanceOf(Mp4FormatException.class)
                .hasMessageContaining("declares a timescale of 0");

        byte[] noTrack = moov();
        assertThatThrownBy(() -> readAll(noTrack))
                .isInstanceOf(Mp4FormatException.class)
                .hasMessage("the 'moov' at offset 0 declares no track");
    }

    @Test
    void refusesFragmentsThatContradictTheirInitSegment() {
        byte[] unknownTrack = concat(moof(1, traf(tfhd(9, 1024L, KEYFRAME), trun(1, null))), mdat(10));
        assertThatThrownBy(() -> readAll(concat(FTYP, MOOV, unknownTrack)))
                .isInstanceOf(Mp4FormatException.class)
                .hasMessageContaining("refers to track 9, which the init segment does not declare");

        byte[] noTraf = concat(moof(1), mdat(10));
        assertThatThrownBy(() -> readAll(concat(FTYP, MOOV, noTraf)))
                .isInstanceOf(Mp4FormatException.class)
                .hasMessageContaining("has no 'traf' box");

        byte[] lyingTrun = fullBox("trun", 0, 0x100, u32(1_000_000), u32(1000));
        byte[] tooManySamples = concat(moof(1, traf(tfhd(1, null, null), lyingTrun)), mdat(10));
        assertThatThrownBy(() -> readAll(concat(FTYP, MOOV, tooManySamples)))
                .isInstanceOf(Mp4FormatException.class)
                .hasMessageContaining("declares 1000000 samples but has room for 1");

        byte[] secondInit = concat(FTYP, MOOV, MOOV);
        assertThatThrownBy(() -> readAll(secondInit))
                .isInstanceOf(Mp4FormatException.class)
                .hasMessageContaining("a second init segment starts with 'moov'");
    }

    @Test
    void refusesAChildBoxThatOverrunsItsParent() {
        byte[] brokenTraf = concat(u32(500), Mp4TestBoxes.type("traf"), tfhd(1, 1024L, KEYFRAME));
        byte[] fragment = concat(box("moof", fullBox("mfhd", 0, 0, u32(1)), brokenTraf), mdat(10));

        assertThatThrownBy(() -> readAll(concat(FTYP, MOOV, fragment)))
                .isInstanceOf(Mp4FormatException.class)
                .hasMessageContaining("box 'traf' at offset " + (FTYP.length + MOOV.length + 24)
                        + " declares 500 bytes but only");
    }

    private static FragmentedMp4Reader reader(byte[] stream) {
        return new FragmentedMp4Reader(new ByteArrayInputStream(stream), LIMIT);
    }

    private static List<Mp4Fragment> readAll(byte[] stream) throws IOException {
        var reader = reader(stream);
        List<Mp4Fragment> fragments = new ArrayList<>();
        for (var next = reader.nextFragment(); next.isPresent(); next = reader.nextFragment()) {
            fragments.add(next.get());
        }
        return fragments;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}

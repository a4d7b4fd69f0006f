package org.atalaya.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds the reader thousands of damaged copies of a real ffmpeg recording: it must read each to the end or refuse
 * it with an {@link Mp4FormatException}, and never hold more memory than its limit allows.
 */
class FragmentedMp4ReaderFuzzTest {

    private static final int ITERATIONS = 2000;
    private static final long SEED = 0x41_7A_1A_7AL;
    private static final long LIMIT = 256 * 1024;
    private static final int[] INTERESTING_WORDS = {0, 1, 7, 8, 9, 16, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0x10000};

    private static byte[] sample;
    /** Byte ranges of the boxes that hold structure (everything but mdat payloads), where damage matters most. */
    private static List<int[]> structure;

    @BeforeAll
    static void recordASample() throws IOException {
        sample = FfmpegForTests.fragmentedSample(2, 10);
        structure = structuralRanges(sample);
        assertThat(readEverything(sample)).isGreaterThanOrEqualTo(5);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void damagedStreamsAreReadOrRefusedWithAFormatError() {
        var random = new Random(SEED);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int readToTheEnd = 0;
        int refused = 0;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            byte[] damaged = damage(sample, random);
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            try {
                readEverything(damaged);
                readToTheEnd++;
            } catch (Mp4FormatException e) {
                assertThat(e.getMessage()).as("message in iteration %d", iteration).isNotBlank();
                refused++;
            } catch (Exception | Error e) {
                throw new AssertionError("iteration " + iteration + " failed with " + e, e);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            // every byte read may be held twice (a moof is copied into its fragment), plus one box within the limit
            assertThat(allocated).as("bytes allocated in iteration %d", iteration)
                    .isLessThan(4L * damaged.length + 2 * LIMIT + 1024 * 1024);
        }
        assertThat(readToTheEnd).as("damaged streams read to the end").isPositive();
        assertThat(refused).as("damaged streams refused").isPositive();
    }

    /** Reads the whole stream; returns the number of fragments. */
    private static int readEverything(byte[] stream) throws IOException {
        var reader = new FragmentedMp4Reader(new ByteArrayInputStream(stream), LIMIT);
        reader.initSegment();
        int fragments = 0;
        while (reader.nextFragment().isPresent()) fragments++;
        return fragments;
    }

    private static byte[] damage(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int changes = 1 + random.nextInt(3);
        for (int change = 0; change < changes && bytes.length > 16; change++) {
            bytes = switch (random.nextInt(5)) {
                case 0 -> flipBytes(bytes, random);
                case 1 -> overwriteWord(bytes, random);
                case 2 -> Arrays.copyOf(bytes, random.nextInt(bytes.length));
                case 3 -> deleteChunk(bytes, random);
                default -> duplicateChunk(bytes, random);
            };
        }
        return bytes;
    }

    private static byte[] flipBytes(byte[] bytes, Random random) {
        int count = 1 + random.nextInt(8);
        for (int i = 0; i < count; i++) bytes[position(bytes, random, 1)] = (byte) random.nextInt(256);
        return bytes;
    }

    private static byte[] overwriteWord(byte[] bytes, Random random) {
        int at = position(bytes, random, 4);
        int word = random.nextBoolean()
                ? INTERESTING_WORDS[random.nextInt(INTERESTING_WORDS.length)]
                : ByteBuffer.wrap(bytes, at, 4).getInt() + random.nextInt(65) - 32;
        ByteBuffer.wrap(bytes, at, 4).putInt(word);
        return bytes;
    }

    private static byte[] deleteChunk(byte[] bytes, Random random) {
        int at = position(bytes, random, 1);
        int length = Math.min(1 + random.nextInt(64), bytes.length - at);
        byte[] shorter = new byte[bytes.length - length];
        System.arraycopy(bytes, 0, shorter, 0, at);
        System.arraycopy(bytes, at + length, shorter, at, bytes.length - at - length);
        return shorter;
    }

    private static byte[] duplicateChunk(byte[] bytes, Random random) {
        int at = position(bytes, random, 1);
        int length = Math.min(1 + random.nextInt(64), bytes.length - at);
        byte[] longer = new byte[bytes.length + length];
        System.arraycopy(bytes, 0, longer, 0, at + length);
        System.arraycopy(bytes, at, longer, at + length, bytes.length - at);
        return longer;
    }

    /** A position where {@code width} bytes fit, inside a structural box three times out of four. */
    private static int position(byte[] bytes, Random random, int width) {
        if (random.nextInt(4) > 0) {
            int[] range = structure.get(random.nextInt(structure.size()));
            int at = range[0] + random.nextInt(Math.max(1, range[1] - range[0]));
            if (at + width <= bytes.length) return at;
        }
        return random.nextInt(bytes.length - width + 1);
    }

    /** The top-level boxes of the sample other than mdat, plus the 8-byte header of each mdat. */
    private static List<int[]> structuralRanges(byte[] stream) {
        List<int[]> ranges = new ArrayList<>();
        int at = 0;
        while (at + 8 <= stream.length) {
            int size = ByteBuffer.wrap(stream, at, 4).getInt();
            String type = new String(stream, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            ranges.add(new int[] {at, type.equals("mdat") ? at + 8 : at + size});
            at += size;
        }
        return ranges;
    }
}

package org.atalaya.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Builds ISO BMFF boxes by hand, so reader tests state exactly which bytes they feed. */
final class Mp4TestBoxes {

    /** Sample flags as ffmpeg writes them: a sync sample, and a sample that depends on others. */
    static final int KEYFRAME = 0x02000000;
    static final int NOT_KEYFRAME = 0x01010000;

    private Mp4TestBoxes() {
    }

    static byte[] box(String type, byte[]... payload) {
        byte[] body = concat(payload);
        return concat(u32(8L + body.length), type(type), body);
    }

    /** A box with a 64-bit size (size field 1). */
    static byte[] largeBox(String type, byte[]... payload) {
        byte[] body = concat(payload);
        return concat(u32(1), type(type), u64(16L + body.length), body);
    }

    /** A box whose size field is 0: it runs to the end of the stream. */
    static byte[] boxToEnd(String type, byte[]... payload) {
        return concat(u32(0), type(type), concat(payload));
    }

    static byte[] fullBox(String type, int version, int flags, byte[]... payload) {
        return box(type, u32(((long) version << 24) | flags), concat(payload));
    }

    static byte[] ftyp() {
        return box("ftyp", type("isom"), u32(0x200), type("isom"), type("iso6"), type("mp41"));
    }

    static byte[] moov(byte[]... children) {
        return box("moov", fullBox("mvhd", 0, 0, zeros(96)), concat(children));
    }

    static byte[] videoTrak(int trackId, long timescale, int width, int height) {
        byte[] avcC = box("avcC", u8(1, 0x64, 0x00, 0x1f, 0xff, 0xe0), u16(0), u8(1), u16(0));
        byte[] avc1 = box("avc1", zeros(6), u16(1), zeros(16), u16(width), u16(height), u32(0x00480000),
                u32(0x00480000), u32(0), u16(1), zeros(32), u16(0x18), u16(0xffff), avcC);
        return trak(trackId, timescale, "vide", avc1);
    }

    static byte[] audioTrak(int trackId, long timescale) {
        return trak(trackId, timescale, "soun", box("mp4a", zeros(28)));
    }

    static byte[] trak(int trackId, long timescale, String handler, byte[] sampleEntry) {
        byte[] tkhd = fullBox("tkhd", 0, 3, u32(0), u32(0), u32(trackId), zeros(68));
        byte[] mdhd = fullBox("mdhd", 0, 0, u32(0), u32(0), u32(timescale), u32(0), u16(0x55c4), u16(0));
        byte[] hdlr = fullBox("hdlr", 0, 0, u32(0), type(handler), zeros(12), u8(0));
        byte[] stsd = fullBox("stsd", 0, 0, u32(1), sampleEntry);
        byte[] stbl = box("stbl", stsd, fullBox("stts", 0, 0, u32(0)), fullBox("stsc", 0, 0, u32(0)),
                fullBox("stsz", 0, 0, u32(0), u32(0)), fullBox("stco", 0, 0, u32(0)));
        return box("trak", tkhd, box("mdia", mdhd, hdlr, box("minf", box("dinf"), stbl)));
    }

    static byte[] mvex(byte[]... trex) {
        return box("mvex", concat(trex));
    }

    static byte[] trex(int trackId, long defaultDuration, int defaultFlags) {
        return fullBox("trex", 0, 0, u32(trackId), u32(1), u32(defaultDuration), u32(0), u32(defaultFlags & 0xFFFFFFFFL));
    }

    static byte[] moof(long sequence, byte[]... trafs) {
        return box("moof", fullBox("mfhd", 0, 0, u32(sequence)), concat(trafs));
    }

    static byte[] traf(byte[]... children) {
        return box("traf", concat(children));
    }

    /** A tfhd with default-base-is-moof and, when not null, a default duration and default sample flags. */
    static byte[] tfhd(int trackId, Long defaultDuration, Integer defaultFlags) {
        int flags = 0x20000 | (defaultDuration != null ? 0x8 : 0) | (defaultFlags != null ? 0x20 : 0);
        return fullBox("tfhd", 0, flags, u32(trackId),
                defaultDuration != null ? u32(defaultDuration) : new byte[0],
                defaultFlags != null ? u32(defaultFlags & 0xFFFFFFFFL) : new byte[0]);
    }

    static byte[] tfdt(int version, long decodeTime) {
        return fullBox("tfdt", version, 0, version == 1 ? u64(decodeTime) : u32(decodeTime));
    }

    /** A trun with a data offset and sample sizes, plus first-sample flags when not null. */
    static byte[] trun(int sampleCount, Integer firstSampleFlags) {
        int flags = 0x1 | 0x200 | (firstSampleFlags != null ? 0x4 : 0);
        var out = new ByteArrayOutputStream();
        out.writeBytes(u32(sampleCount));
        out.writeBytes(u32(0));
        if (firstSampleFlags != null) out.writeBytes(u32(firstSampleFlags & 0xFFFFFFFFL));
        for (int i = 0; i < sampleCount; i++) out.writeBytes(u32(100));
        return fullBox("trun", 0, flags, out.toByteArray());
    }

    /** A trun with a duration, size and flags for every sample. */
    static byte[] trunPerSample(long[] durations, int[] sampleFlags) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(u32(durations.length));
        for (int i = 0; i < durations.length; i++) {
            out.writeBytes(u32(durations[i]));
            out.writeBytes(u32(100));
            out.writeBytes(u32(sampleFlags[i] & 0xFFFFFFFFL));
        }
        return fullBox("trun", 0, 0x100 | 0x200 | 0x400, out.toByteArray());
    }

    static byte[] mdat(int payloadBytes) {
        return box("mdat", filled(payloadBytes));
    }

    static byte[] filled(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) bytes[i] = (byte) (i * 7 + 3);
        return bytes;
    }

    static byte[] zeros(int length) {
        return new byte[length];
    }

    static byte[] type(String fourcc) {
        return fourcc.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] u8(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) bytes[i] = (byte) values[i];
        return bytes;
    }

    static byte[] u16(int value) {
        return ByteBuffer.allocate(2).putShort((short) value).array();
    }

    static byte[] u32(long value) {
        return ByteBuffer.allocate(4).putInt((int) value).array();
    }

    static byte[] u64(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) out.writeBytes(part);
        return out.toByteArray();
    }
}

package org.atalaya.media.internal;

import org.atalaya.media.Mp4FormatException;

/** Reads the fields of one box in order, refusing to read past its end. */
public final class BoxFields {

    private final Box box;
    private int position;

    BoxFields(Box box, int position) {
        this.box = box;
        this.position = position;
    }

    /** A full box's version (high byte) and flags (low 24 bits). */
    public int versionAndFlags() throws Mp4FormatException {
        return (int) u32();
    }

    public int u8() throws Mp4FormatException {
        need(1);
        return box.data()[position++] & 0xFF;
    }

    public int u16() throws Mp4FormatException {
        need(2);
        int value = ((box.data()[position] & 0xFF) << 8) | (box.data()[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    public long u32() throws Mp4FormatException {
        need(4);
        long value = Box.readUnsigned32(box.data(), position);
        position += 4;
        return value;
    }

    /** A 64-bit unsigned field that must fit a Java long. */
    public long u64() throws Mp4FormatException {
        need(8);
        long value = Box.readSigned64(box.data(), position);
        if (value < 0) throw new Mp4FormatException("the " + box.describe() + " holds a 64-bit value that is too large");
        position += 8;
        return value;
    }

    public String fourcc() throws Mp4FormatException {
        need(4);
        String value = Box.fourcc(box.data(), position);
        position += 4;
        return value;
    }

    public void skip(int bytes) throws Mp4FormatException {
        need(bytes);
        position += bytes;
    }

    public int remaining() {
        return box.end() - position;
    }

    public int position() {
        return position;
    }

    private void need(int bytes) throws Mp4FormatException {
        if (bytes > box.end() - position) {
            throw new Mp4FormatException("the " + box.describe() + " is too short for its fields");
        }
    }
}

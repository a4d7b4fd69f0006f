package org.atalaya.media.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.atalaya.media.Mp4FormatException;

/**
 * An ISO BMFF box inside bytes already in memory. Positions index {@code data}; {@code streamOffset} is the stream
 * offset of {@code data[0]}, so messages can name the offset of a box in the stream.
 */
public record Box(String type, byte[] data, int start, int payloadStart, int end, long streamOffset) {

    /** The box that fills {@code data} entirely, as read from the stream at {@code streamOffset}. */
    public static Box whole(byte[] data, long streamOffset) throws Mp4FormatException {
        List<Box> boxes = boxesIn(data, 0, data.length, streamOffset);
        if (boxes.size() != 1) throw new IllegalArgumentException("expected exactly one box");
        return boxes.getFirst();
    }

    public long offset() {
        return streamOffset + start;
    }

    /** {@code 'moof' at offset 1234}, for messages. */
    public String describe() {
        return "'" + type + "' at offset " + offset();
    }

    public List<Box> children() throws Mp4FormatException {
        return boxesIn(data, payloadStart, end, streamOffset);
    }

    public List<Box> children(String childType) throws Mp4FormatException {
        return children().stream().filter(child -> child.type.equals(childType)).toList();
    }

    public Optional<Box> child(String childType) throws Mp4FormatException {
        return children(childType).stream().findFirst();
    }

    public Box requiredChild(String childType) throws Mp4FormatException {
        return child(childType).orElseThrow(
                () -> new Mp4FormatException("the " + describe() + " has no '" + childType + "' box"));
    }

    public BoxFields fields() {
        return new BoxFields(this, payloadStart);
    }

    /** The boxes laid end to end in {@code data[from, to)}; a size of 0 means "to the end of the region". */
    public static List<Box> boxesIn(byte[] data, int from, int to, long streamOffset) throws Mp4FormatException {
        List<Box> boxes = new ArrayList<>();
        int position = from;
        while (position < to) {
            long offset = streamOffset + position;
            if (to - position < 8) {
                throw new Mp4FormatException("a box at offset " + offset + " is cut off: "
                        + (to - position) + " bytes left where a header needs 8");
            }
            long size = readUnsigned32(data, position);
            String type = fourcc(data, position + 4);
            int headerSize = 8;
            if (size == 1) {
                if (to - position < 16) {
                    throw new Mp4FormatException("box '" + type + "' at offset " + offset + " is cut off in its header");
                }
                size = readSigned64(data, position + 8);
                headerSize = 16;
            } else if (size == 0) {
                size = to - position;
            }
            if (size < headerSize) {
                throw new Mp4FormatException("box '" + type + "' at offset " + offset + " declares " + size
                        + " bytes, less than its own header");
            }
            if (size > to - position) {
                throw new Mp4FormatException("box '" + type + "' at offset " + offset + " declares " + size
                        + " bytes but only " + (to - position) + " remain in the box around it");
            }
            boxes.add(new Box(type, data, position, position + headerSize, position + (int) size, streamOffset));
            position += (int) size;
        }
        return boxes;
    }

    /** The four letters of a box type, with bytes that are not printable ASCII written as {@code \xNN}. */
    public static String fourcc(byte[] data, int at) {
        var text = new StringBuilder(4);
        for (int i = at; i < at + 4; i++) {
            int b = data[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F && b != '\\' && b != '\'') {
                text.append((char) b);
            } else {
                text.append(String.format("\\x%02x", b));
            }
        }
        return text.toString();
    }

    public static long readUnsigned32(byte[] data, int at) {
        return ((data[at] & 0xFFL) << 24) | ((data[at + 1] & 0xFFL) << 16) | ((data[at + 2] & 0xFFL) << 8)
                | (data[at + 3] & 0xFFL);
    }

    /** A 64-bit value; sizes and times above {@code Long.MAX_VALUE} come out negative and are refused by callers. */
    public static long readSigned64(byte[] data, int at) {
        return (readUnsigned32(data, at) << 32) | readUnsigned32(data, at + 4);
    }
}

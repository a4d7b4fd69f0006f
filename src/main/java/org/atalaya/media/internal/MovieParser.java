package org.atalaya.media.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atalaya.media.Mp4FormatException;
import org.atalaya.media.Mp4Track;

/** Reads the tracks of a {@code moov} box and the fragment defaults of its {@code mvex}. */
public final class MovieParser {

    /** What the fragments of a stream need to know about its {@code moov}. */
    public record Movie(List<Mp4Track> tracks, Map<Integer, TrackDefaults> trackDefaults) {

        public Mp4Track track(int id) {
            return tracks.stream().filter(track -> track.id() == id).findFirst().orElse(null);
        }
    }

    /** A track's {@code trex} defaults, used by fragments that do not state their own. */
    public record TrackDefaults(long sampleDuration, int sampleFlags) {
        static final TrackDefaults NONE = new TrackDefaults(0, 0);
    }

    /** The visual sample entry's fixed fields before its child boxes (ISO/IEC 14496-12, 12.1.3). */
    private static final int VISUAL_SAMPLE_ENTRY_FIELDS = 78;

    private MovieParser() {
    }

    public static Movie parse(Box moov) throws Mp4FormatException {
        List<Mp4Track> tracks = new ArrayList<>();
        for (Box trak : moov.children("trak")) {
            Mp4Track track = track(trak);
            if (tracks.stream().anyMatch(known -> known.id() == track.id())) {
                throw new Mp4FormatException("the " + trak.describe() + " repeats track ID " + track.id());
            }
            tracks.add(track);
        }
        if (tracks.isEmpty()) throw new Mp4FormatException("the " + moov.describe() + " declares no track");
        Map<Integer, TrackDefaults> defaults = new HashMap<>();
        for (Box mvex : moov.children("mvex")) {
            for (Box trex : mvex.children("trex")) {
                BoxFields fields = trex.fields();
                fields.versionAndFlags();
                int trackId = trackId(fields.u32(), trex);
                fields.skip(4); // default sample description index
                long duration = fields.u32();
                fields.skip(4); // default sample size
                defaults.put(trackId, new TrackDefaults(duration, (int) fields.u32()));
            }
        }
        return new Movie(tracks, defaults);
    }

    private static Mp4Track track(Box trak) throws Mp4FormatException {
        BoxFields tkhd = trak.requiredChild("tkhd").fields();
        int version = tkhd.versionAndFlags() >>> 24;
        tkhd.skip(version == 1 ? 16 : 8); // creation and modification times
        int id = trackId(tkhd.u32(), trak);

        Box mdia = trak.requiredChild("mdia");
        Box mdhdBox = mdia.requiredChild("mdhd");
        BoxFields mdhd = mdhdBox.fields();
        version = mdhd.versionAndFlags() >>> 24;
        mdhd.skip(version == 1 ? 16 : 8);
        long timescale = mdhd.u32();
        if (timescale == 0) throw new Mp4FormatException("the " + mdhdBox.describe() + " declares a timescale of 0");

        String handler = "";
        var hdlr = mdia.child("hdlr");
        if (hdlr.isPresent()) {
            BoxFields fields = hdlr.get().fields();
            fields.versionAndFlags();
            fields.skip(4); // pre_defined
            handler = fields.fourcc();
        }
        Box stsd = mdia.requiredChild("minf").requiredChild("stbl").requiredChild("stsd");
        return describeSampleEntry(id, handler, timescale, stsd);
    }

    private static Mp4Track describeSampleEntry(int id, String handler, long timescale, Box stsd)
            throws Mp4FormatException {
        BoxFields fields = stsd.fields();
        fields.versionAndFlags();
        if (fields.u32() == 0) throw new Mp4FormatException("the " + stsd.describe() + " describes no sample format");
        Box entry = Box.boxesIn(stsd.data(), fields.position(), stsd.end(), stsd.streamOffset()).getFirst();
        String codec = entry.type();
        int width = 0;
        int height = 0;
        if ("vide".equals(handler) && entry.end() - entry.payloadStart() >= VISUAL_SAMPLE_ENTRY_FIELDS) {
            BoxFields visual = entry.fields();
            visual.skip(24); // reserved, data reference index, pre-defined and reserved fields
            width = visual.u16();
            height = visual.u16();
            int childrenStart = entry.payloadStart() + VISUAL_SAMPLE_ENTRY_FIELDS;
            for (Box child : Box.boxesIn(entry.data(), childrenStart, entry.end(), entry.streamOffset())) {
                if (child.type().equals("avcC") && (codec.equals("avc1") || codec.equals("avc3"))) {
                    codec = avcCodecString(codec, child);
                }
            }
        }
        return new Mp4Track(id, handler, codec, timescale, width, height);
    }

    /** RFC 6381: {@code avc1.PPCCLL} from the profile, constraint flags and level of the decoder configuration. */
    private static String avcCodecString(String sampleEntry, Box avcC) throws Mp4FormatException {
        BoxFields fields = avcC.fields();
        fields.u8(); // configuration version
        return String.format("%s.%02x%02x%02x", sampleEntry, fields.u8(), fields.u8(), fields.u8());
    }

    private static int trackId(long value, Box where) throws Mp4FormatException {
        if (value == 0 || value > Integer.MAX_VALUE) {
            throw new Mp4FormatException("the " + where.describe() + " names an invalid track ID " + value);
        }
        return (int) value;
    }
}

package org.atalaya.telephony.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of an INVITE's body that matter here: the SDP offer and the caller's location. The body is either one of
 * them alone or a MIME multipart holding both (RFC 6442); the {@code Geolocation} header names the location part by
 * its Content-ID.
 *
 * @param sdpOffer the caller's SDP, null when the INVITE carried none
 * @param location the location read from the PIDF-LO part, or why there is none
 */
record InviteBody(String sdpOffer, LocationReading location) {

    private static final int DEEPEST_NESTING = 3;
    private static final Pattern ANGLE_BRACKETED = Pattern.compile("<([^>]*)>");
    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary\\s*=\\s*(\"([^\"]+)\"|[^;\\s]+)");

    /** One MIME part: its media type in lower case (no parameters), its Content-ID without brackets, its bytes. */
    private record Part(String mediaType, String contentId, byte[] content) {
    }

    /**
     * @param contentType  the Content-Type header's value with its parameters, null when there is no body
     * @param body         the raw body, maybe null
     * @param geolocations the values of the Geolocation headers, e.g. {@code <cid:abc@example.com>}
     */
    static InviteBody read(String contentType, byte[] body, List<String> geolocations) {
        List<Part> parts = new ArrayList<>();
        if (contentType != null && body != null && body.length > 0) collect(contentType, body, parts, 0);
        String sdp = null;
        for (Part part : parts) {
            if (part.mediaType().equals("application/sdp")) {
                sdp = new String(part.content(), StandardCharsets.UTF_8);
                break;
            }
        }
        return new InviteBody(sdp, location(parts, geolocations));
    }

    private static LocationReading location(List<Part> parts, List<String> geolocations) {
        List<String> contentIds = new ArrayList<>();
        boolean byReference = false;
        for (String value : geolocations) {
            Matcher uri = ANGLE_BRACKETED.matcher(value);
            while (uri.find()) {
                String target = uri.group(1).trim();
                if (target.regionMatches(true, 0, "cid:", 0, 4)) contentIds.add(target.substring(4));
                else byReference = true;
            }
        }
        Part chosen = null;
        for (String contentId : contentIds) {
            for (Part part : parts) {
                if (contentId.equalsIgnoreCase(part.contentId()) && isPidf(part)) {
                    chosen = part;
                    break;
                }
            }
            if (chosen != null) break;
        }
        if (chosen == null) chosen = parts.stream().filter(InviteBody::isPidf).findFirst().orElse(null);
        if (chosen != null) return PidfLoParser.parse(chosen.content());
        if (!contentIds.isEmpty()) return LocationReading.problem("the location part named by the Geolocation header is missing");
        if (byReference) return LocationReading.problem("the location was sent by reference, which is not supported");
        return LocationReading.problem("the call carried no location");
    }

    private static boolean isPidf(Part part) {
        return part.mediaType().equals("application/pidf+xml");
    }

    private static void collect(String contentType, byte[] content, List<Part> parts, int depth) {
        collect(contentType, null, content, parts, depth);
    }

    private static void collect(String contentType, String contentId, byte[] content, List<Part> parts, int depth) {
        String mediaType = mediaType(contentType);
        if (!mediaType.startsWith("multipart/")) {
            parts.add(new Part(mediaType, contentId, content));
            return;
        }
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (depth >= DEEPEST_NESTING || !boundary.find()) return;
        String delimiter = "--" + (boundary.group(2) != null ? boundary.group(2) : boundary.group(1));
        // ISO 8859-1 maps each byte to one char, so indexes in the text are indexes in the bytes.
        String text = new String(content, StandardCharsets.ISO_8859_1);
        int start = text.indexOf(delimiter);
        while (start >= 0) {
            int lineEnd = text.indexOf('\n', start);
            if (text.startsWith(delimiter + "--", start) || lineEnd < 0) return;
            int next = text.indexOf("\n" + delimiter, lineEnd);
            int partEnd = next < 0 ? text.length() : (next > 0 && text.charAt(next - 1) == '\r' ? next - 1 : next);
            if (partEnd > lineEnd) collectPart(text.substring(lineEnd + 1, partEnd), parts, depth);
            start = next < 0 ? -1 : next + 1;
        }
    }

    private static void collectPart(String part, List<Part> parts, int depth) {
        int headersEnd = part.indexOf("\r\n\r\n");
        int bodyStart = headersEnd + 4;
        if (headersEnd < 0) {
            headersEnd = part.indexOf("\n\n");
            bodyStart = headersEnd + 2;
        }
        if (headersEnd < 0) return;
        String contentType = "text/plain";
        String contentId = null;
        for (String header : part.substring(0, headersEnd).split("\r?\n")) {
            int colon = header.indexOf(':');
            if (colon < 0) continue;
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            if (name.equals("content-type")) contentType = value;
            else if (name.equals("content-id")) contentId = value.replaceAll("^<|>$", "");
        }
        collect(contentType, contentId, part.substring(bodyStart).getBytes(StandardCharsets.ISO_8859_1), parts,
                depth + 1);
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}

package org.atalaya.telephony.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes an RFC 5139 civic address as one line a call-taker reads at a glance, from the most precise part to the
 * widest: "Hospital San Roque, Belgrano 450, floor 2, San Salvador de Jujuy, Jujuy".
 */
final class CivicAddressLine {

    private static final int LONGEST_PART = 120;
    private static final int LONGEST_LINE = 400;

    private CivicAddressLine() {
    }

    /** The address in one line, or null when the element holds nothing readable. */
    static String of(Element civicAddress) {
        Map<String, String> parts = new HashMap<>();
        for (Node node = civicAddress.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && PidfLoParser.CIVIC.equals(element.getNamespaceURI())) {
                String text = cleaned(element.getTextContent());
                if (!text.isEmpty()) parts.putIfAbsent(element.getLocalName(), text);
            }
        }
        List<String> line = new ArrayList<>();
        add(line, parts.get("NAM"));
        add(line, street(parts));
        add(line, labelled("building", parts.get("BLD")));
        add(line, labelled("floor", parts.get("FLR")));
        add(line, labelled("unit", parts.get("UNIT")));
        add(line, labelled("room", parts.get("ROOM")));
        add(line, parts.get("LMK"));
        add(line, parts.get("LOC"));
        add(line, parts.get("A6"));
        add(line, parts.get("A5"));
        add(line, parts.get("A4"));
        add(line, joined(" ", parts.get("PC"), parts.get("A3")));
        add(line, parts.get("A2"));
        add(line, parts.get("A1"));
        if (line.isEmpty()) add(line, parts.get("country"));
        if (line.isEmpty()) return null;
        String text = String.join(", ", line);
        return text.length() <= LONGEST_LINE ? text : text.substring(0, LONGEST_LINE) + "…";
    }

    private static String street(Map<String, String> parts) {
        String name = joined(" ", parts.get("PRD"), parts.get("RD"), parts.get("STS"), parts.get("POD"));
        String number = joined("", parts.get("HNO"), parts.get("HNS"));
        return joined(" ", name, number);
    }

    private static String labelled(String label, String value) {
        return value == null ? null : label + " " + value;
    }

    /** Adds a part unless it is empty or repeats the one before (A2 and A3 are often the same town). */
    private static void add(List<String> line, String part) {
        if (part == null || part.isEmpty()) return;
        if (!line.isEmpty() && line.getLast().equalsIgnoreCase(part)) return;
        line.add(part);
    }

    private static String joined(String separator, String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isEmpty()) present.add(part);
        }
        return present.isEmpty() ? null : String.join(separator, present);
    }

    private static String cleaned(String text) {
        String oneLine = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return oneLine.length() <= LONGEST_PART ? oneLine : oneLine.substring(0, LONGEST_PART) + "…";
    }
}

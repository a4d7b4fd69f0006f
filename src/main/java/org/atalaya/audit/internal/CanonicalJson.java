package org.atalaya.audit.internal;

import java.util.Map;
import java.util.SortedMap;

/**
 * The canonical JSON that audit entries are hashed in, the subset of RFC 8785 (JCS) that our values need: objects
 * with members sorted by key in UTF-16 code-unit order, strings, integers and {@code null}; no whitespace; strings
 * escape only {@code "}, {@code \} and the control characters below U+0020 ({@code \b \t \n \f \r}, the others as
 * {@code \}{@code u00xx} in lower-case hex), everything else is written as itself; the result is encoded in UTF-8.
 * The same value therefore always gives the same bytes, whoever writes them.
 */
public final class CanonicalJson {

    private static final char REPLACEMENT = '\uFFFD';

    private CanonicalJson() {
    }

    /**
     * Writes an object whose values are {@link String}, {@link Long}, {@link Integer}, {@code null} or a map of
     * string to string. Keys are taken in the map's order, so the map must sort them ({@link java.util.TreeMap}).
     */
    public static String object(SortedMap<String, ?> members) {
        var json = new StringBuilder(256);
        writeObject(json, members);
        return json.toString();
    }

    private static void writeObject(StringBuilder json, Map<String, ?> members) {
        json.append('{');
        boolean first = true;
        for (var member : members.entrySet()) {
            if (!first) json.append(',');
            first = false;
            writeString(json, member.getKey());
            json.append(':');
            writeValue(json, member.getValue());
        }
        json.append('}');
    }

    private static void writeValue(StringBuilder json, Object value) {
        switch (value) {
            case null -> json.append("null");
            case String text -> writeString(json, text);
            case Long number -> json.append(number.longValue());
            case Integer number -> json.append(number.intValue());
            case SortedMap<?, ?> map -> writeObject(json, castKeys(map));
            default -> throw new IllegalArgumentException("no canonical form for " + value.getClass().getSimpleName());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> castKeys(SortedMap<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) throw new IllegalArgumentException("object keys must be strings");
        }
        return (Map<String, ?>) map;
    }

    private static void writeString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\t' -> json.append("\\t");
                case '\n' -> json.append("\\n");
                case '\f' -> json.append("\\f");
                case '\r' -> json.append("\\r");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /**
     * Makes a string storable and encodable without loss: PostgreSQL text cannot hold U+0000 and UTF-8 cannot encode
     * a lone surrogate, so both become U+FFFD before the entry is hashed and stored.
     */
    public static String storable(String text) {
        if (text == null) return null;
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean bad = c == '\0'
                    || (Character.isHighSurrogate(c) && !pairedHigh)
                    || (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1))));
            if (bad && clean == null) {
                clean = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (clean != null) clean.append(bad ? REPLACEMENT : c);
        }
        return clean == null ? text : clean.toString();
    }
}

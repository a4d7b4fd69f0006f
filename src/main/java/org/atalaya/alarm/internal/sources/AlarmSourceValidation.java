package org.atalaya.alarm.internal.sources;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The checks of a source's settings; each refusal names the field and says what would be accepted. */
final class AlarmSourceValidation {

    static final int NAME_LENGTH = 100;
    static final int MAX_CAMERAS = 16;
    private static final int TOPIC_LENGTH = 200;
    private static final int CREDENTIAL_LENGTH = 200;

    private AlarmSourceValidation() {
    }

    static String name(String name) {
        if (name == null || name.isBlank()) throw AlarmSourceProblem.invalid("nameMissing",
                "name: give the source a name, e.g. door-3.");
        String stripped = name.strip();
        if (stripped.length() > NAME_LENGTH) throw AlarmSourceProblem.invalid("nameTooLong",
                "name: at most " + NAME_LENGTH + " characters.", NAME_LENGTH);
        if (stripped.chars().anyMatch(Character::isISOControl)) throw AlarmSourceProblem.invalid("nameControl",
                "name: must not contain control characters such as line breaks.");
        return stripped;
    }

    static Double latitude(Double latitude) {
        if (latitude != null && !(latitude >= -90 && latitude <= 90)) throw AlarmSourceProblem.invalid(
                "latitude", "latitude: must be between -90 and 90 degrees, not " + latitude + ".", String.valueOf(latitude));
        return latitude;
    }

    static Double longitude(Double longitude) {
        if (longitude != null && !(longitude >= -180 && longitude <= 180)) throw AlarmSourceProblem.invalid(
                "longitude", "longitude: must be between -180 and 180 degrees, not " + longitude + ".", String.valueOf(longitude));
        return longitude;
    }

    /** A place is both coordinates or neither. */
    static void place(Double latitude, Double longitude) {
        if ((latitude == null) != (longitude == null)) throw AlarmSourceProblem.invalid("placeHalf",
                "latitude and longitude: give both, or neither when the source has no fixed place.");
    }

    /** @return the URL as given, trimmed; {@code tcp://host:port} or {@code ssl://host:port} */
    static String brokerUrl(String url) {
        if (url == null || url.isBlank()) throw AlarmSourceProblem.invalid("brokerMissing",
                "brokerUrl: an MQTT source needs its broker, e.g. tcp://192.0.2.10:1883.");
        String stripped = url.strip();
        URI uri;
        try {
            uri = new URI(stripped);
        } catch (URISyntaxException e) {
            throw brokerRefused(stripped);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("tcp") && !scheme.equals("ssl")) throw AlarmSourceProblem.invalid("brokerScheme",
                "brokerUrl: must begin with tcp:// or ssl://, e.g. tcp://192.0.2.10:1883.");
        if (uri.getUserInfo() != null) throw AlarmSourceProblem.invalid("brokerCredentials",
                "brokerUrl: put the user name and password in their own fields, not in the address.");
        if (uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty()) || uri.getQuery() != null
                || uri.getFragment() != null) {
            throw brokerRefused(stripped);
        }
        return stripped;
    }

    private static AlarmSourceProblem brokerRefused(String url) {
        return AlarmSourceProblem.invalid("broker",
                "brokerUrl: " + url + " is not a broker address such as tcp://192.0.2.10:1883.", url);
    }

    /** An MQTT topic filter: levels split by '/', '+' alone in a level, '#' alone in the last level. */
    static String topicFilter(String filter) {
        if (filter == null || filter.isBlank()) throw AlarmSourceProblem.invalid("topicMissing",
                "topicFilter: an MQTT source needs the topic to listen to, e.g. sensors/door-3 or sensors/+/panic.");
        if (filter.length() > TOPIC_LENGTH || filter.indexOf('\0') >= 0 || !wildcardsWellPlaced(filter)) {
            throw AlarmSourceProblem.invalid("topic", "topicFilter: " + filter + " is not a valid MQTT topic "
                    + "filter: '+' must fill a whole level, '#' only the last one (e.g. sensors/+/panic, sensors/#).",
                    filter);
        }
        return filter;
    }

    private static boolean wildcardsWellPlaced(String filter) {
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            boolean last = i == levels.length - 1;
            if (level.contains("#") && !(level.equals("#") && last)) return false;
            if (level.contains("+") && !level.equals("+")) return false;
        }
        return true;
    }

    static int qos(Integer qos) {
        if (qos == null) return 1;
        if (qos < 0 || qos > 2) throw AlarmSourceProblem.invalid("qos",
                "qos: must be 0, 1 or 2, not " + qos + ".", String.valueOf(qos));
        return qos;
    }

    /** An optional credential: {@code null} when absent or blank. */
    static String credential(String field, String value) {
        if (value == null || value.isEmpty()) return null;
        if (value.length() > CREDENTIAL_LENGTH) throw AlarmSourceProblem.invalid("credentialTooLong",
                field + ": at most " + CREDENTIAL_LENGTH + " characters.", field, CREDENTIAL_LENGTH);
        return value;
    }
}

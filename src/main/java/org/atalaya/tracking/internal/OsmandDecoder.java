package org.atalaya.tracking.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.atalaya.tracking.TrackingProperties;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the OsmAnd protocol as Traccar Client and AVL boxes speak it: query or form parameters ({@code id} or
 * {@code deviceid}, {@code lat}/{@code lon} or {@code location=lat,lon}, {@code timestamp} in Unix seconds, Unix
 * milliseconds or ISO-8601, {@code speed} in knots, {@code bearing}/{@code heading}, {@code altitude},
 * {@code accuracy}, {@code hdop}, {@code batt}, {@code valid}), or the JSON the newer clients post
 * ({@code {"device_id", "location": {"timestamp", "coords": {...}, "battery": {"level"}}}}, speed in m/s, battery
 * level 0..1; {@code location} may also be an array of such locations). Every fix is checked: a position that
 * cannot be is refused with the reason.
 */
@Component
class OsmandDecoder {

    static final int MAX_DEVICE_ID_LENGTH = 128;
    static final double METRES_PER_SECOND_PER_KNOT = 1852.0 / 3600.0;

    /** Unix times above this are milliseconds (in seconds it would be the year 2286). */
    private static final double MILLISECONDS_FROM = 10_000_000_000.0;
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private final JsonMapper json;
    private final Duration maxFutureSkew;

    OsmandDecoder(JsonMapper json, TrackingProperties properties) {
        this.json = json;
        this.maxFutureSkew = properties.maxFutureSkew();
    }

    /** A fix from query or form parameters (the first value of each). */
    DeviceFix fromParameters(Map<String, String> parameters, Instant now) {
        String deviceId = deviceId(parameters.getOrDefault("id", parameters.get("deviceid")));
        Double latitude = number("lat", parameters.get("lat"));
        Double longitude = number("lon", parameters.get("lon"));
        String location = parameters.get("location");
        if ((latitude == null || longitude == null) && location != null) {
            String[] parts = location.split(",", -1);
            if (parts.length != 2) throw new FixRejected("Parameter 'location' must be 'latitude,longitude', not '"
                    + shortened(location) + "'.");
            latitude = number("location", parts[0].trim());
            longitude = number("location", parts[1].trim());
        }
        if (latitude == null || longitude == null) {
            throw new FixRejected("No position: send lat and lon, or location=latitude,longitude.");
        }
        Instant fixedAt = parameters.get("timestamp") == null ? now : timestamp(parameters.get("timestamp"));
        Double knots = number("speed", parameters.get("speed"));
        Double heading = number("bearing", parameters.get("bearing"));
        if (heading == null) heading = number("heading", parameters.get("heading"));
        DeviceFix fix = new DeviceFix(deviceId, latitude, longitude, fixedAt,
                knots == null || knots < 0 ? null : knots * METRES_PER_SECOND_PER_KNOT, heading(heading),
                number("altitude", parameters.get("altitude")), notNegative(number("accuracy", parameters.get("accuracy"))),
                notNegative(number("hdop", parameters.get("hdop"))), percent(number("batt", parameters.get("batt"))),
                valid(parameters.get("valid")));
        checkPlausible(fix.latitude(), fix.longitude(), fix.fixedAt(), now);
        return fix;
    }

    /**
     * The fixes of a JSON body; {@code parameters} (the query string) may carry the device id when the body does
     * not.
     */
    List<DeviceFix> fromJson(byte[] body, Map<String, String> parameters, Instant now) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new FixRejected("The body is not valid JSON.");
        }
        if (root == null || !root.isObject()) throw new FixRejected("The body must be a JSON object with "
                + "device_id and location.");
        JsonNode idNode = root.get("device_id");
        String deviceId = deviceId(idNode != null && idNode.isValueNode() && !idNode.isNull() ? idNode.asString()
                : parameters.getOrDefault("id", parameters.get("deviceid")));
        JsonNode location = root.get("location");
        if (location == null || !(location.isObject() || location.isArray()) || location.isEmpty()) {
            throw new FixRejected("No position: the body has no location object.");
        }
        List<DeviceFix> fixes = new ArrayList<>();
        if (location.isArray()) {
            for (JsonNode one : location) fixes.add(fromJsonLocation(deviceId, one, now));
        } else {
            fixes.add(fromJsonLocation(deviceId, location, now));
        }
        return fixes;
    }

    private DeviceFix fromJsonLocation(String deviceId, JsonNode location, Instant now) {
        if (!location.isObject()) throw new FixRejected("Each location must be a JSON object.");
        JsonNode coords = location.get("coords");
        if (coords == null || !coords.isObject()) throw new FixRejected("No position: the location has no coords.");
        Double latitude = number("latitude", coords.get("latitude"));
        Double longitude = number("longitude", coords.get("longitude"));
        if (latitude == null || longitude == null) {
            throw new FixRejected("No position: coords must have latitude and longitude.");
        }
        JsonNode time = location.get("timestamp");
        Instant fixedAt = time == null || time.isNull() ? now : timestamp(time.asString());
        Double speed = number("speed", coords.get("speed"));
        JsonNode battery = location.get("battery");
        Double level = battery == null || !battery.isObject() ? null : number("level", battery.get("level"));
        DeviceFix fix = new DeviceFix(deviceId, latitude, longitude, fixedAt, speed == null || speed < 0 ? null : speed,
                heading(number("heading", coords.get("heading"))), number("altitude", coords.get("altitude")),
                notNegative(number("accuracy", coords.get("accuracy"))), null,
                level == null ? null : percent(level * 100), true);
        checkPlausible(fix.latitude(), fix.longitude(), fix.fixedAt(), now);
        return fix;
    }

    /** Refuses what cannot be a position: coordinates out of range, a fix from the future. */
    void checkPlausible(double latitude, double longitude, Instant fixedAt, Instant now) {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new FixRejected("Latitude " + latitude + " is out of range (-90 to 90).");
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new FixRejected("Longitude " + longitude + " is out of range (-180 to 180).");
        }
        if (fixedAt.isAfter(now.plus(maxFutureSkew))) {
            throw new FixRejected("The fix is dated " + fixedAt + ", more than " + maxFutureSkew.toSeconds()
                    + " s in the future; check the device's clock.");
        }
    }

    private static String deviceId(String given) {
        String id = given == null ? "" : given.strip();
        if (id.isEmpty()) throw new FixRejected("No device id: send id or deviceid (device_id in JSON).");
        if (id.length() > MAX_DEVICE_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
            throw new FixRejected("The device id must be at most " + MAX_DEVICE_ID_LENGTH
                    + " characters, without control characters.");
        }
        return id;
    }

    static Instant timestamp(String given) {
        String text = given.strip();
        try {
            if (NUMBER.matcher(text).matches()) {
                double value = Double.parseDouble(text);
                if (value < 0 || !Double.isFinite(value)) throw new FixRejected("Invalid timestamp '" + shortened(text) + "'.");
                double millis = value >= MILLISECONDS_FROM ? value : value * 1000;
                return Instant.ofEpochMilli(Math.round(millis));
            }
            return isoInstant(text);
        } catch (DateTimeException | ArithmeticException e) {
            throw new FixRejected("Invalid timestamp '" + shortened(text) + "': send Unix seconds, Unix milliseconds "
                    + "or ISO-8601 such as 2026-01-31T14:00:00Z.");
        }
    }

    /**
     * ISO-8601 with an offset or Z; also with a space between date and time, a '+' of the offset that a query string
     * turned into a space, or no offset at all (then UTC).
     */
    private static Instant isoInstant(String text) {
        StringBuilder normalised = new StringBuilder(text);
        if (normalised.length() > 10 && normalised.charAt(10) == ' ') normalised.setCharAt(10, 'T');
        String iso = normalised.toString().replace(' ', '+');
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeException withoutOffset) {
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        }
    }

    private static Double number(String field, String text) {
        if (text == null || text.isBlank()) return null;
        String value = text.strip();
        if (!NUMBER.matcher(value).matches()) {
            throw new FixRejected("Parameter '" + field + "' is not a number: '" + shortened(value) + "'.");
        }
        double parsed = Double.parseDouble(value);
        if (!Double.isFinite(parsed)) throw new FixRejected("Parameter '" + field + "' is out of range.");
        return parsed;
    }

    private static Double number(String field, JsonNode node) {
        if (node == null || node.isNull()) return null;
        if (node.isNumber()) {
            double value = node.doubleValue();
            if (!Double.isFinite(value)) throw new FixRejected("Field '" + field + "' is out of range.");
            return value;
        }
        if (node.isString()) return number(field, node.stringValue());
        throw new FixRejected("Field '" + field + "' must be a number.");
    }

    private static boolean valid(String text) {
        if (text == null || text.isBlank()) return true;
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new FixRejected("Parameter 'valid' must be true or false, not '" + shortened(text) + "'.");
        };
    }

    /** Degrees clockwise from north in [0, 360); negative means unknown, as the clients send it. */
    private static Double heading(Double degrees) {
        if (degrees == null || degrees < 0) return null;
        return degrees % 360;
    }

    private static Double notNegative(Double value) {
        return value == null || value < 0 ? null : value;
    }

    private static Double percent(Double value) {
        return value == null || value < 0 || value > 100 ? null : value;
    }

    private static String shortened(String text) {
        String printable = text.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }
}

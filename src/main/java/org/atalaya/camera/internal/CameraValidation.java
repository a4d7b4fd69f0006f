package org.atalaya.camera.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The rules a camera's fields follow; each refusal says which field and why. */
final class CameraValidation {

    private CameraValidation() {
    }

    static String name(String name) {
        if (name == null || name.isBlank()) throw CameraProblem.invalid("nameRequired", "name: a camera needs a name.");
        String trimmed = name.strip();
        if (trimmed.length() > 100) {
            throw CameraProblem.invalid("tooLong", "name: at most 100 characters.", "name", 100);
        }
        return trimmed;
    }

    /** An RTSP address with a host, a valid port if one is given, and no credentials in it. */
    static String streamUrl(String field, String url) {
        if (url == null || url.isBlank()) {
            throw CameraProblem.invalid("urlRequired", field + ": a stream address is required.", field);
        }
        String trimmed = url.strip();
        if (trimmed.length() > 2000) {
            throw CameraProblem.invalid("tooLong", field + ": at most 2000 characters.", field, 2000);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw CameraProblem.invalid("urlSyntax", field + ": not a valid address (" + e.getReason() + ").", field,
                    e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("rtsp") && !scheme.equals("rtsps")) {
            throw CameraProblem.invalid("urlScheme", field + ": the address must start with rtsp:// or rtsps://.",
                    field);
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw CameraProblem.invalid("urlCredentials", field + ": do not put a user or password in the address; "
                    + "give them in the username and password fields.", field);
        }
        if (uri.getHost() == null) {
            if (uri.getRawAuthority() != null && uri.getRawAuthority().matches(".*:[^\\]]*$")) {
                throw badPort(field);
            }
            throw CameraProblem.invalid("urlHost",
                    field + ": the address needs a host, e.g. rtsp://192.0.2.10/stream1.", field);
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) throw badPort(field);
        if (uri.getRawAuthority().endsWith(":")) throw badPort(field);
        return trimmed;
    }

    private static CameraProblem badPort(String field) {
        return CameraProblem.invalid("urlPort", field + ": the port must be a number from 1 to 65535.", field);
    }

    static Double latitude(Double value) {
        return inRange("latitude", value, -90, 90, "");
    }

    static Double longitude(Double value) {
        return inRange("longitude", value, -180, 180, "");
    }

    static Double heading(Double value) {
        return inRange("headingDeg", value, 0, 360, " degrees");
    }

    static Double fieldOfView(Double value) {
        return inRange("fovDeg", value, 1, 360, " degrees");
    }

    static Double range(Double value) {
        if (value != null && !(value > 0 && Double.isFinite(value))) {
            throw CameraProblem.invalid("rangePositive", "rangeM: the range must be more than 0 metres.");
        }
        return value;
    }

    static int retentionDays(int days) {
        if (days < 1 || days > 3650) throw CameraProblem.invalid("retention", "retentionDays: from 1 to 3650 days.");
        return days;
    }

    static String text(String field, String value, int maxLength) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.length() > maxLength) {
            throw CameraProblem.invalid("tooLong", field + ": at most " + maxLength + " characters.", field, maxLength);
        }
        return trimmed;
    }

    /** @param unit appended to the English bounds, e.g. " degrees" */
    private static Double inRange(String field, Double value, int min, int max, String unit) {
        if (value != null && !(value >= min && value <= max)) {
            throw CameraProblem.invalid("outOfRange", field + ": must be from " + min + " to " + max + unit + ".",
                    field, min, max);
        }
        return value;
    }
}

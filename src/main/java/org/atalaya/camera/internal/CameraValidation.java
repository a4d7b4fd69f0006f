package org.atalaya.camera.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The rules a camera's fields follow; each refusal says which field and why. */
final class CameraValidation {

    private CameraValidation() {
    }

    static String name(String name) {
        if (name == null || name.isBlank()) throw CameraProblem.invalid("name: a camera needs a name.");
        String trimmed = name.strip();
        if (trimmed.length() > 100) throw CameraProblem.invalid("name: at most 100 characters.");
        return trimmed;
    }

    /** An RTSP address with a host, a valid port if one is given, and no credentials in it. */
    static String streamUrl(String field, String url) {
        if (url == null || url.isBlank()) throw CameraProblem.invalid(field + ": a stream address is required.");
        String trimmed = url.strip();
        if (trimmed.length() > 2000) throw CameraProblem.invalid(field + ": at most 2000 characters.");
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw CameraProblem.invalid(field + ": not a valid address (" + e.getReason() + ").");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("rtsp") && !scheme.equals("rtsps")) {
            throw CameraProblem.invalid(field + ": the address must start with rtsp:// or rtsps://.");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw CameraProblem.invalid(field + ": do not put a user or password in the address; "
                    + "give them in the username and password fields.");
        }
        if (uri.getHost() == null) {
            if (uri.getRawAuthority() != null && uri.getRawAuthority().matches(".*:[^\\]]*$")) {
                throw CameraProblem.invalid(field + ": the port must be a number from 1 to 65535.");
            }
            throw CameraProblem.invalid(field + ": the address needs a host, e.g. rtsp://192.0.2.10/stream1.");
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
            throw CameraProblem.invalid(field + ": the port must be a number from 1 to 65535.");
        }
        if (uri.getRawAuthority().endsWith(":")) {
            throw CameraProblem.invalid(field + ": the port must be a number from 1 to 65535.");
        }
        return trimmed;
    }

    static Double latitude(Double value) {
        return inRange("latitude", value, -90, 90, "from -90 to 90");
    }

    static Double longitude(Double value) {
        return inRange("longitude", value, -180, 180, "from -180 to 180");
    }

    static Double heading(Double value) {
        return inRange("headingDeg", value, 0, 360, "from 0 to 360 degrees");
    }

    static Double fieldOfView(Double value) {
        return inRange("fovDeg", value, 1, 360, "from 1 to 360 degrees");
    }

    static Double range(Double value) {
        if (value != null && !(value > 0 && Double.isFinite(value))) {
            throw CameraProblem.invalid("rangeM: the range must be more than 0 metres.");
        }
        return value;
    }

    static int retentionDays(int days) {
        if (days < 1 || days > 3650) throw CameraProblem.invalid("retentionDays: from 1 to 3650 days.");
        return days;
    }

    static String text(String field, String value, int maxLength) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.length() > maxLength) throw CameraProblem.invalid(field + ": at most " + maxLength + " characters.");
        return trimmed;
    }

    private static Double inRange(String field, Double value, double min, double max, String words) {
        if (value != null && !(value >= min && value <= max)) {
            throw CameraProblem.invalid(field + ": must be " + words + ".");
        }
        return value;
    }
}

package org.atalaya.camera.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atalaya.media.StreamProblem;

/** Names why ffprobe could not read a camera from the lines it wrote to its error output. */
final class ProbeFailures {

    private static final Map<StreamProblem, List<String>> PHRASES = new java.util.LinkedHashMap<>();

    static {
        PHRASES.put(StreamProblem.WRONG_CREDENTIALS, List.of("401 unauthorized", "authorization failed",
                "403 forbidden"));
        PHRASES.put(StreamProblem.NOT_FOUND, List.of("404 not found", "454 session not found"));
        PHRASES.put(StreamProblem.UNREACHABLE, List.of("connection refused", "no route to host",
                "network is unreachable", "host is unreachable", "name or service not known",
                "failed to resolve hostname", "temporary failure in name resolution"));
        PHRASES.put(StreamProblem.TIMED_OUT, List.of("timed out"));
        PHRASES.put(StreamProblem.UNSUPPORTED_STREAM, List.of("invalid data found when processing input",
                "codec not currently supported", "could not find codec parameters", "unsupported codec",
                "461 unsupported transport"));
    }

    private ProbeFailures() {
    }

    static StreamProblem classify(List<String> errorLines) {
        String text = String.join("\n", errorLines).toLowerCase(Locale.ROOT);
        return PHRASES.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(text::contains))
                .map(Map.Entry::getKey).findFirst().orElse(StreamProblem.ENDED);
    }

    static String explain(StreamProblem problem) {
        return switch (problem) {
            case WRONG_CREDENTIALS -> "The camera refused the username or password (wrong credentials).";
            case NOT_FOUND -> "The camera answered but has no stream at that address (stream not found).";
            case UNREACHABLE -> "The camera could not be reached: check the address, the port and the network.";
            case TIMED_OUT -> "The camera did not answer in time (timed out).";
            case UNSUPPORTED_STREAM -> "The camera sent a stream that cannot be read or recorded (unsupported codec).";
            case CANNOT_START -> "ffprobe could not be started on this server.";
            default -> "The probe ended without an answer from the camera.";
        };
    }
}

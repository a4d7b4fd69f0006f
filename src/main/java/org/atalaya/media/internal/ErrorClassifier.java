package org.atalaya.media.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.atalaya.media.StreamProblem;

/** Finds in ffmpeg's last error lines the reason a run failed. */
public final class ErrorClassifier {

    /** @param detail the line that shows it, without ffmpeg's {@code [component @ 0x...]} prefix */
    public record Diagnosis(StreamProblem problem, String detail) {
    }

    private record Rule(StreamProblem problem, List<String> phrases) {

        boolean matches(String lowerCaseLine) {
            return phrases.stream().anyMatch(lowerCaseLine::contains);
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule(StreamProblem.WRONG_CREDENTIALS,
                    List.of("401 unauthorized", "authorization failed", "403 forbidden")),
            new Rule(StreamProblem.NOT_FOUND, List.of("404 not found", "454 session not found")),
            new Rule(StreamProblem.UNREACHABLE, List.of("connection refused", "no route to host",
                    "network is unreachable", "host is unreachable", "name or service not known",
                    "failed to resolve hostname", "temporary failure in name resolution")),
            new Rule(StreamProblem.TIMED_OUT, List.of("timed out")),
            // an RTSP server that accepts the connection and never answers ends with this line too (after -timeout)
            new Rule(StreamProblem.UNSUPPORTED_STREAM, List.of("invalid data found when processing input",
                    "codec not currently supported", "could not find codec parameters", "matches no streams",
                    "unsupported codec", "461 unsupported transport")));

    private static final Pattern COMPONENT_PREFIX = Pattern.compile("^(\\[[^]]* @ 0x[0-9a-fA-F]+]\\s*)+");

    private ErrorClassifier() {
    }

    /** The newest line that explains a failure, or empty when none does. */
    public static Optional<Diagnosis> classify(List<String> lines) {
        for (String line : lines.reversed()) {
            String lowerCase = line.toLowerCase(Locale.ROOT);
            for (Rule rule : RULES) {
                if (rule.matches(lowerCase)) return Optional.of(new Diagnosis(rule.problem(), withoutPrefix(line)));
            }
        }
        return Optional.empty();
    }

    static String withoutPrefix(String line) {
        return COMPONENT_PREFIX.matcher(line).replaceFirst("").strip();
    }
}

package org.atalaya.camera.internal;

import java.util.List;
import org.atalaya.media.StreamProblem;

/** Names why ffprobe could not read a camera from the lines it wrote to its error output. */
final class ProbeFailures {

    private ProbeFailures() {
    }

    static StreamProblem classify(List<String> errorLines) {
        return StreamProblem.fromErrorLines(errorLines).orElse(StreamProblem.ENDED);
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

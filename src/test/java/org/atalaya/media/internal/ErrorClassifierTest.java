package org.atalaya.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.atalaya.media.StreamProblem;
import org.atalaya.media.internal.ErrorClassifier.Diagnosis;
import org.junit.jupiter.api.Test;

/** The lines are ffmpeg 7.1.1's own, recorded against a real RTSP server and closed or silent ports. */
class ErrorClassifierTest {

    @Test
    void wrongCredentials() {
        assertThat(ErrorClassifier.classify(List.of(
                "[rtsp @ 0x56134c594040] method DESCRIBE failed: 401 Unauthorized",
                "[in#0 @ 0x56134c593d00] Error opening input: Server returned 401 Unauthorized (authorization failed)",
                "Error opening input file rtsp://***@127.0.0.1:8654/cam.",
                "Error opening input files: Server returned 401 Unauthorized (authorization failed)")))
                .contains(new Diagnosis(StreamProblem.WRONG_CREDENTIALS,
                        "Error opening input files: Server returned 401 Unauthorized (authorization failed)"));
    }

    @Test
    void unreachable() {
        assertThat(ErrorClassifier.classify(List.of(
                "[tcp @ 0x55ba03b2f2c0] Connection to tcp://127.0.0.1:8655?timeout=5000000 failed: Connection refused",
                "Error opening input file rtsp://***@127.0.0.1:8655/cam.")))
                .contains(new Diagnosis(StreamProblem.UNREACHABLE,
                        "Connection to tcp://127.0.0.1:8655?timeout=5000000 failed: Connection refused"));
        assertThat(ErrorClassifier.classify(List.of("[tcp @ 0x1] Failed to resolve hostname camera.invalid: "
                + "Name or service not known"))).map(Diagnosis::problem).contains(StreamProblem.UNREACHABLE);
        assertThat(ErrorClassifier.classify(List.of("[tcp @ 0x1] Connection to tcp://10.1.1.1:554 failed: "
                + "No route to host"))).map(Diagnosis::problem).contains(StreamProblem.UNREACHABLE);
    }

    @Test
    void timedOut() {
        assertThat(ErrorClassifier.classify(List.of("[tcp @ 0x5600] Connection to tcp://10.1.1.1:554?timeout=5000000 "
                + "failed: Connection timed out"))).map(Diagnosis::problem).contains(StreamProblem.TIMED_OUT);
    }

    @Test
    void unsupportedStream() {
        assertThat(ErrorClassifier.classify(List.of(
                "[in#0 @ 0x55a944c40d00] Error opening input: Invalid data found when processing input",
                "Error opening input file rtsp://127.0.0.1:8657/cam.",
                "Error opening input files: Invalid data found when processing input")))
                .map(Diagnosis::problem).contains(StreamProblem.UNSUPPORTED_STREAM);
        assertThat(ErrorClassifier.classify(List.of("Stream map '0:v' matches no streams.")))
                .map(Diagnosis::problem).contains(StreamProblem.UNSUPPORTED_STREAM);
    }

    @Test
    void streamNotFound() {
        assertThat(ErrorClassifier.classify(List.of("[rtsp @ 0x1] method DESCRIBE failed: 404 Not Found")))
                .map(Diagnosis::problem).contains(StreamProblem.NOT_FOUND);
    }

    @Test
    void theNewestExplainingLineWins() {
        assertThat(ErrorClassifier.classify(List.of("[tcp @ 0x1] Connection refused",
                "[rtsp @ 0x2] method DESCRIBE failed: 401 Unauthorized", "frame=  100 fps= 25")))
                .map(Diagnosis::problem).contains(StreamProblem.WRONG_CREDENTIALS);
    }

    @Test
    void linesThatExplainNothingGiveNoDiagnosis() {
        assertThat(ErrorClassifier.classify(List.of("frame=  100 fps= 25 q=-1.0 size=512kB", "Exiting normally"))).isEmpty();
        assertThat(ErrorClassifier.classify(List.of())).isEmpty();
    }
}

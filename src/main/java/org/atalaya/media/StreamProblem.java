package org.atalaya.media;

import java.util.List;
import java.util.Optional;
import org.atalaya.media.internal.ErrorClassifier;

/** Why a supervised process stopped working, in words an operator understands. */
public enum StreamProblem {

    WRONG_CREDENTIALS("wrong credentials"),
    UNREACHABLE("unreachable"),
    NOT_FOUND("stream not found"),
    TIMED_OUT("timed out"),
    UNSUPPORTED_STREAM("unsupported stream"),
    NO_OUTPUT("no video arrived"),
    CANNOT_START("could not be started"),
    ENDED("stopped unexpectedly");

    private final String words;

    StreamProblem(String words) {
        this.words = words;
    }

    /** The problem that ffmpeg's or ffprobe's newest explaining error line names, or empty when none does. */
    public static Optional<StreamProblem> fromErrorLines(List<String> errorLines) {
        return ErrorClassifier.classify(errorLines).map(ErrorClassifier.Diagnosis::problem);
    }

    /** A short English phrase, e.g. "wrong credentials"; the console translates by the constant's name. */
    public String words() {
        return words;
    }
}

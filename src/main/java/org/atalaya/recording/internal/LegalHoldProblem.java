package org.atalaya.recording.internal;

import org.atalaya.platform.RequestProblem;
import org.springframework.http.HttpStatus;

/** A legal-hold request that cannot be done, with the reason in words for the person who sent it. */
class LegalHoldProblem extends RequestProblem {

    private final String code;

    private LegalHoldProblem(HttpStatus status, String title, String detail, String code) {
        super(status, title, detail);
        this.code = code;
    }

    boolean invalidInput() {
        return getStatusCode().value() == HttpStatus.BAD_REQUEST.value();
    }

    /** What went wrong in a word the console turns into a message in the user's language. */
    String code() {
        return code;
    }

    static LegalHoldProblem invalid(String code, String detail) {
        return new LegalHoldProblem(HttpStatus.BAD_REQUEST, "Invalid legal hold", detail, code);
    }

    static LegalHoldProblem noCamera(long cameraId) {
        return new LegalHoldProblem(HttpStatus.NOT_FOUND, "Not Found",
                "There is no camera " + cameraId + " that you may see.", "no-camera");
    }

    static LegalHoldProblem noHold(long holdId) {
        return new LegalHoldProblem(HttpStatus.NOT_FOUND, "Not Found",
                "There is no legal hold " + holdId + " that you may see.", "no-hold");
    }

    static LegalHoldProblem forbidden(String cameraName) {
        return new LegalHoldProblem(HttpStatus.FORBIDDEN, "Forbidden",
                "You may not manage legal holds for camera " + cameraName + ".", "forbidden");
    }

    static LegalHoldProblem alreadyReleased(long holdId) {
        return new LegalHoldProblem(HttpStatus.CONFLICT, "Already released",
                "Legal hold " + holdId + " has already been released.", "released");
    }
}

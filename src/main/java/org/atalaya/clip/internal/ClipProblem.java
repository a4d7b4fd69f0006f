package org.atalaya.clip.internal;

import java.time.Instant;

import org.atalaya.platform.RequestProblem;
import org.springframework.http.HttpStatus;

/** An event clip request that cannot be served, with the reason in words. */
class ClipProblem extends RequestProblem {

    private ClipProblem(HttpStatus status, String title, String detail, String detailCode, Object... arguments) {
        super(status, title, detail, detailCode, arguments);
    }

    static ClipProblem noClip(long id) {
        return new ClipProblem(HttpStatus.NOT_FOUND, "Not Found", "There is no event clip " + id + " that you may see.",
                "clip.problem.noClip", id);
    }

    static ClipProblem notAllowed() {
        return new ClipProblem(HttpStatus.FORBIDDEN, "Forbidden",
                "You may see this camera but not its recorded video, so not its event clips.",
                "clip.problem.notAllowed");
    }

    static ClipProblem eventRequired() {
        return new ClipProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                "Parameter 'event' is required: the event the clips belong to, e.g. alarm:42.",
                "clip.problem.eventRequired");
    }

    static ClipProblem stillRecording(Instant readyAt) {
        return new ClipProblem(HttpStatus.CONFLICT, "Clip not ready",
                "The clip is still being recorded (ready at " + readyAt + ").", "clip.problem.pending",
                readyAt.toString());
    }

    /** @param problem why the clip could not be made, in words (stored with the clip, in English) */
    static ClipProblem unavailable(String problem) {
        return new ClipProblem(HttpStatus.NOT_FOUND, "Clip unavailable", "The clip could not be made: " + problem
                + ".", "clip.problem.unavailable", problem);
    }

    static ClipProblem fileMissing() {
        return new ClipProblem(HttpStatus.NOT_FOUND, "Clip unavailable",
                "The clip's file is no longer in storage (deleted by retention or by an administrator).",
                "clip.problem.fileMissing");
    }
}

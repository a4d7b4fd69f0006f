package org.atalaya.playback.internal;

import org.atalaya.platform.RequestProblem;
import org.springframework.http.HttpStatus;

/** A playback request that cannot be served, with the reason in words for the person who sent it. */
class PlaybackProblem extends RequestProblem {

    static final String REASON_REQUIRED = "A reason is required to view recorded video.";

    private PlaybackProblem(HttpStatus status, String title, String detail) {
        super(status, title, detail);
    }

    static PlaybackProblem invalid(String detail) {
        return new PlaybackProblem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
    }

    static PlaybackProblem noCamera(long id) {
        return new PlaybackProblem(HttpStatus.NOT_FOUND, "Not Found", "There is no camera " + id + " that you may see.");
    }

    static PlaybackProblem notAllowed() {
        return new PlaybackProblem(HttpStatus.FORBIDDEN, "Forbidden",
                "You may see this camera but not its recorded video.");
    }

    static PlaybackProblem nothingRecorded() {
        return new PlaybackProblem(HttpStatus.NOT_FOUND, "Not Found",
                "The camera recorded nothing in that time range.");
    }

    static PlaybackProblem unreadable() {
        return new PlaybackProblem(HttpStatus.INTERNAL_SERVER_ERROR, "Recording unreadable",
                "The recording of that time cannot be read from storage. The administrator can see why in the "
                        + "server log.");
    }

    static PlaybackProblem exportFailed() {
        return new PlaybackProblem(HttpStatus.INTERNAL_SERVER_ERROR, "Clip not made",
                "The clip could not be made from the recording. Try a shorter range, or ask the administrator to "
                        + "look at the server log.");
    }
}

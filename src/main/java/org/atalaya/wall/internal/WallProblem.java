package org.atalaya.wall.internal;

import org.atalaya.platform.RequestProblem;
import org.springframework.http.HttpStatus;

/**
 * A request about wall layouts that cannot be done, with the reason in words for the person who sent it: in
 * English, and as the message {@code wall.problem.<code>} for other languages.
 */
class WallProblem extends RequestProblem {

    private WallProblem(HttpStatus status, String title, String code, String detail, Object... arguments) {
        super(status, title, detail, "wall.problem." + code, arguments);
    }

    static WallProblem invalid(String code, String detail, Object... arguments) {
        return new WallProblem(HttpStatus.BAD_REQUEST, "Invalid layout", code, detail, arguments);
    }

    static WallProblem notFound(long id) {
        return new WallProblem(HttpStatus.NOT_FOUND, "Not Found", "not-found",
                "There is no layout " + id + " that you may open.", String.valueOf(id));
    }

    static WallProblem notYours(StoredLayout layout) {
        return new WallProblem(HttpStatus.FORBIDDEN, "Forbidden", "not-yours",
                "The layout “" + layout.name() + "” belongs to " + layout.owner() + ": you may open it, but only "
                        + layout.owner() + " may change or delete it. Save it under a name of your own instead.",
                layout.name(), layout.owner());
    }

    static WallProblem nameTaken(String name) {
        return new WallProblem(HttpStatus.CONFLICT, "Name taken", "name-taken",
                "You already have a layout named “" + name + "”. Choose another name, or open that layout and "
                        + "save over it.", name);
    }

    static WallProblem tooMany(int most) {
        return new WallProblem(HttpStatus.CONFLICT, "Too many layouts", "too-many",
                "You already keep " + most + " layouts, the most one user may keep. Delete one you no longer "
                        + "need first.", String.valueOf(most));
    }
}

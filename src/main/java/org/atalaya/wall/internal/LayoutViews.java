package org.atalaya.wall.internal;

import java.time.Instant;
import java.util.List;

/** Layouts as the API answers them to one user. */
final class LayoutViews {

    private LayoutViews() {
    }

    /**
     * One entry of the list of layouts a user may open.
     *
     * @param mine whether the user owns it (and so may change and delete it)
     */
    record Summary(long id, String name, String owner, boolean shared, boolean mine, String grid, Instant updatedAt) {
    }

    /** A layout opened by one user: tiles with cameras they may not watch live are {@code forbidden}. */
    record Layout(long id, String name, String owner, boolean shared, boolean mine, String grid, List<Tile> tiles,
                  Instant createdAt, Instant updatedAt) {
    }

    /**
     * A tile as the user may see it: empty tiles are JSON {@code null}.
     *
     * @param forbidden true when the tile shows a camera (or a tour of cameras) the user may not watch live
     */
    record Tile(Long camera, WallContent.Tour tour, Boolean forbidden) {

        static final Tile FORBIDDEN = new Tile(null, null, true);

        static Tile camera(long id) {
            return new Tile(id, null, null);
        }

        static Tile tour(WallContent.Tour tour) {
            return new Tile(null, tour, null);
        }
    }
}

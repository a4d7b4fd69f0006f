package org.atalaya.wall.internal;

import java.util.List;

/**
 * What a saved layout shows, as it is stored: the grid and, tile by tile in reading order, a camera, a tour or
 * nothing ({@code null}).
 *
 * @param grid  a {@link WallGrid} key
 * @param tiles at most as many as the grid has; missing ones are empty
 */
record WallContent(String grid, List<Tile> tiles) {

    /** One tile: either {@code camera} or {@code tour} is set. */
    record Tile(Long camera, Tour tour) {
    }

    /**
     * Cameras shown one after another on the same tile.
     *
     * @param dwellSeconds how long each camera stays before the next
     */
    record Tour(List<Long> cameras, Integer dwellSeconds) {
    }
}

package org.atalaya.wall.internal;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The arrangements of the wall: square grids, and one large tile (two by two on a three-by-three grid) with five
 * small ones beside and below it.
 */
enum WallGrid {
    ONE("1x1", 1),
    FOUR("2x2", 4),
    NINE("3x3", 9),
    SIXTEEN("4x4", 16),
    ONE_PLUS_FIVE("1+5", 6);

    private final String key;
    private final int tiles;

    WallGrid(String key, int tiles) {
        this.key = key;
        this.tiles = tiles;
    }

    /** How the grid is named in the API and on the page, e.g. {@code 2x2}. */
    String key() {
        return key;
    }

    int tiles() {
        return tiles;
    }

    static Optional<WallGrid> of(String key) {
        return Arrays.stream(values()).filter(grid -> grid.key.equals(key)).findFirst();
    }

    /** The names a request may use, for a problem detail. */
    static String keys() {
        return Arrays.stream(values()).map(WallGrid::key).collect(Collectors.joining(", "));
    }
}

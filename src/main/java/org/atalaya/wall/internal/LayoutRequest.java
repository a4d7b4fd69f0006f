package org.atalaya.wall.internal;

import java.util.List;

/**
 * A layout to create, or what a saved one becomes: its name, whether others may open it, and its content.
 *
 * @param shared null for not shared
 * @param tiles  null for all empty
 */
record LayoutRequest(String name, Boolean shared, String grid, List<WallContent.Tile> tiles) {
}

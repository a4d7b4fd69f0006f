package org.atalaya.tracking;

/**
 * A unit reported a new latest position (stored). Published synchronously after it was stored, outside any
 * transaction, possibly thousands of times a second: listen with a plain, quick {@code @EventListener}.
 */
public record UnitMoved(UnitPosition position) {
}

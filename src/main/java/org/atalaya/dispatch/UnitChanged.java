package org.atalaya.dispatch;

import java.time.Instant;

/**
 * A unit changed (its status, its incident, its crew or its details). Published after the change committed, outside
 * any transaction: listen with a plain {@code @EventListener}.
 */
public record UnitChanged(UnitView unit, Instant at) {
}

package org.atalaya.wall.internal;

import java.time.Instant;

/** A saved layout as the database holds it. */
record StoredLayout(long id, String owner, String name, boolean shared, WallContent content, Instant createdAt,
                    Instant updatedAt) {

    /** How audit entries name a layout: {@code wall-layout:<id> <name>}. */
    String auditTarget() {
        return "wall-layout:" + id + " " + name;
    }
}

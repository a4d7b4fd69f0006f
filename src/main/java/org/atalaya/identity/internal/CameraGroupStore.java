package org.atalaya.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.atalaya.identity.CameraGroups;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code camera_groups} table, and the module's public lookup of it. */
@Repository
class CameraGroupStore implements CameraGroups {

    private final JdbcClient jdbc;

    CameraGroupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CameraGroup> all() {
        return jdbc.sql("SELECT id, name, description FROM camera_groups ORDER BY name")
                .query((row, n) -> new CameraGroup(row.getLong("id"), row.getString("name"), row.getString("description")))
                .list();
    }

    @Override
    public Optional<CameraGroup> byName(String name) {
        return all().stream().filter(group -> group.name().equals(name)).findFirst();
    }

    long insert(String name, String description, Instant now) {
        return jdbc.sql("INSERT INTO camera_groups (name, description, created_at) VALUES (?, ?, ?) RETURNING id")
                .params(name, description, Timestamps.of(now)).query(Long.class).single();
    }

    /** Removes the group and every grant limited to it. */
    void delete(long id) {
        jdbc.sql("DELETE FROM camera_groups WHERE id = ?").param(id).update();
    }

    /** The roles that lose a grant when the group goes. */
    List<String> rolesScopedTo(long id) {
        return jdbc.sql("""
                        SELECT DISTINCT r.name FROM role_grants g JOIN roles r ON r.id = g.role_id
                        WHERE g.camera_group_id = ? ORDER BY r.name""")
                .param(id).query(String.class).list();
    }
}

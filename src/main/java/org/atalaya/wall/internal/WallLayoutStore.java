package org.atalaya.wall.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The wall_layout table; a layout's content is kept as JSON. */
@Repository
class WallLayoutStore {

    private static final String SELECT = """
            SELECT id, owner, name, shared, layout::text AS layout, created_at, updated_at FROM wall_layout""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WallLayoutStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The user's own layouts, then those others share, each by name. */
    List<StoredLayout> openableBy(String username) {
        return jdbc.sql(SELECT + " WHERE owner = ? OR shared ORDER BY owner <> ?, lower(name), owner, id")
                .param(username).param(username).query(this::layout).list();
    }

    Optional<StoredLayout> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::layout).optional();
    }

    int countOwnedBy(String username) {
        return jdbc.sql("SELECT count(*) FROM wall_layout WHERE owner = ?").param(username)
                .query(Integer.class).single();
    }

    boolean nameTaken(String owner, String name, long exceptId) {
        return jdbc.sql("SELECT count(*) FROM wall_layout WHERE owner = ? AND lower(name) = lower(?) AND id <> ?")
                .param(owner).param(name).param(exceptId).query(Long.class).single() > 0;
    }

    long insert(String owner, String name, boolean shared, WallContent content, Instant now) {
        return jdbc.sql("""
                        INSERT INTO wall_layout (owner, name, shared, layout, created_at, updated_at)
                        VALUES (?, ?, ?, ?::jsonb, ?, ?) RETURNING id""")
                .params(owner, name, shared, json.writeValueAsString(content), Timestamp.from(now),
                        Timestamp.from(now))
                .query(Long.class).single();
    }

    void update(long id, String name, boolean shared, WallContent content, Instant now) {
        jdbc.sql("UPDATE wall_layout SET name = ?, shared = ?, layout = ?::jsonb, updated_at = ? WHERE id = ?")
                .params(name, shared, json.writeValueAsString(content), Timestamp.from(now), id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM wall_layout WHERE id = ?").param(id).update();
    }

    private StoredLayout layout(ResultSet row, int number) throws SQLException {
        return new StoredLayout(row.getLong("id"), row.getString("owner"), row.getString("name"),
                row.getBoolean("shared"), json.readValue(row.getString("layout"), WallContent.class),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
    }
}

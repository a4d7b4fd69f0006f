package org.atalaya.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_tokens} table: hashes only, never a token. */
@Repository
class TokenStore {

    /** A token as its owner may see it: everything except the token itself. */
    record TokenRow(long id, long userId, String label, String prefix, Instant createdAt, Instant lastUsedAt,
                    Instant revokedAt) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    private static final String COLUMNS = "id, user_id, label, prefix, created_at, last_used_at, revoked_at";

    private final JdbcClient jdbc;

    TokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long userId, String label, byte[] hash, String prefix, Instant now) {
        return jdbc.sql("INSERT INTO api_tokens (user_id, label, token_hash, prefix, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id")
                .params(userId, label, hash, prefix, Timestamps.of(now)).query(Long.class).single();
    }

    Optional<TokenRow> byHash(byte[] hash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens WHERE token_hash = ?").param(hash)
                .query(TokenStore::row).optional();
    }

    Optional<TokenRow> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens WHERE id = ?").param(id).query(TokenStore::row).optional();
    }

    List<TokenRow> ofUser(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens WHERE user_id = ? ORDER BY revoked_at IS NOT NULL, id DESC")
                .param(userId).query(TokenStore::row).list();
    }

    void touch(long id, Instant now) {
        jdbc.sql("UPDATE api_tokens SET last_used_at = ? WHERE id = ?").params(Timestamps.of(now), id).update();
    }

    boolean revoke(long id, Instant now) {
        return jdbc.sql("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamps.of(now), id).update() == 1;
    }

    private static TokenRow row(ResultSet row, int n) throws SQLException {
        return new TokenRow(row.getLong("id"), row.getLong("user_id"), row.getString("label"), row.getString("prefix"),
                Timestamps.read(row, "created_at"), Timestamps.read(row, "last_used_at"),
                Timestamps.read(row, "revoked_at"));
    }
}

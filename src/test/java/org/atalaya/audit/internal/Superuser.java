package org.atalaya.audit.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.core.env.Environment;

/**
 * A database superuser, as an attacker with full database access would be: connects as {@code postgres} to the test
 * database and works in a transaction that is always rolled back, so the shared log stays intact for other tests.
 */
final class Superuser {

    interface Work<T> {
        T run(Connection connection) throws Exception;
    }

    private final String url;

    Superuser(Environment environment) {
        this.url = environment.getRequiredProperty("spring.flyway.url");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
    }

    /** Runs the work in a transaction that is rolled back afterwards, whatever happens. */
    <T> T inRolledBackTransaction(Work<T> work) throws Exception {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                return work.run(connection);
            } finally {
                connection.rollback();
            }
        }
    }

    /** What a superuser does before rewriting rows: switch the append-only triggers off for this transaction. */
    static void disableTriggers(Connection connection) throws SQLException {
        execute(connection, "SET LOCAL session_replication_role = replica");
    }

    static int execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) statement.setObject(i + 1, parameters[i]);
            return statement.executeUpdate();
        }
    }
}

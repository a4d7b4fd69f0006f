package org.atalaya.cli.internal;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Waits for the external database before the server starts, retrying with growing pauses while it is unreachable
 * (it may still be starting after a power cut). Wrong credentials or a missing database are not worth waiting for.
 */
public final class DatabaseWait {

    /** Pauses between attempts; the last one repeats. */
    static final List<Duration> BACKOFF = List.of(
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30));

    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;
    }

    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Connector connector;
    private final Sleeper sleeper;
    private final PrintStream log;

    public DatabaseWait(Connector connector, Sleeper sleeper, PrintStream log) {
        this.connector = connector;
        this.sleeper = sleeper;
        this.log = log;
    }

    public static DatabaseWait forUrl(String url, String username, String password, PrintStream log) {
        DriverManager.setLoginTimeout(10);
        return new DatabaseWait(() -> DriverManager.getConnection(url, username, password),
                duration -> Thread.sleep(duration), log);
    }

    /** Returns once a connection succeeds; throws {@link UsageException} for problems that waiting cannot fix. */
    public void untilReachable(String where) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try (Connection ignored = connector.connect()) {
                if (attempt > 0) log.println("atalaya: database at " + where + " is reachable");
                return;
            } catch (SQLException e) {
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                if (state.startsWith("28")) {
                    throw new UsageException("the database at " + where + " refused the user name or password");
                }
                if (state.equals("3D000")) {
                    throw new UsageException("the database named in " + where + " does not exist");
                }
                Duration pause = BACKOFF.get(Math.min(attempt, BACKOFF.size() - 1));
                log.println("atalaya: database at " + where + " is unreachable (" + firstLine(e.getMessage())
                        + "); retrying in " + pause.toSeconds() + " s");
                sleeper.sleep(pause);
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) return "no answer";
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}

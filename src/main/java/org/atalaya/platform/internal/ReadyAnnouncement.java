package org.atalaya.platform.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says where the console is once the application is ready, and how long starting took. */
@Component
class ReadyAnnouncement {

    private static final Logger log = LoggerFactory.getLogger("org.atalaya");

    @EventListener
    void announce(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            var startup = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
            log.info("Atalaya is ready at http://localhost:{}/ (started in {} s)",
                    web.getWebServer().getPort(), String.format("%.1f", startup.toMillis() / 1000.0));
        }
    }
}

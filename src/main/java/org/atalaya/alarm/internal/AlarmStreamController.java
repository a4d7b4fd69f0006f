package org.atalaya.alarm.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.platform.ServerSentEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The alarm queue's changes as they happen, for the console. */
@RestController
class AlarmStreamController {

    private static final Logger log = LoggerFactory.getLogger(AlarmStreamController.class);

    private final AlarmEventStream stream;

    AlarmStreamController(AlarmEventStream stream) {
        this.stream = stream;
    }

    /**
     * Server-sent events: {@code counts} ({@link AlarmCounts}) and {@code alarm} ({@link AlarmView}), first the counts
     * and every open alarm the user sees followed by {@code ready}, then each change of an alarm they see followed by
     * the new counts. The stream ends after a while; clients reconnect.
     */
    @GetMapping("/api/v1/alarms/stream")
    @RequiresPermission(Permission.ALARM_VIEW)
    void stream(@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                HttpServletResponse response) {
        if (!ServerSentEvents.accepted(accept)) throw AlarmConsoleProblem.eventStreamOnly();
        try {
            stream.stream(CurrentUser.get().orElseThrow(), response);
        } catch (IOException gone) {
            log.debug("An alarm stream ended, its reader has gone: {}", gone.getMessage());
        }
    }
}

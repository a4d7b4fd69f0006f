package org.atalaya.identity.internal;

import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A user's console sessions, kept by Spring Session in PostgreSQL and found by user name, so that "sign out
 * everywhere" reaches every server node. Command-line tools run without sessions; there this does nothing.
 */
@Component
class Sessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;

    Sessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository) {
        this.repository = repository;
    }

    /** Ends every session of the user except the one named (which may be null); returns how many ended. */
    int endAll(String username, String exceptSessionId) {
        var sessions = repository.getIfAvailable();
        if (sessions == null) return 0;
        int ended = 0;
        for (String id : sessionsOf(sessions, username).keySet()) {
            if (id.equals(exceptSessionId)) continue;
            sessions.deleteById(id);
            ended++;
        }
        return ended;
    }

    int countOthers(String username, String currentSessionId) {
        var sessions = repository.getIfAvailable();
        if (sessions == null) return 0;
        return (int) sessionsOf(sessions, username).keySet().stream().filter(id -> !id.equals(currentSessionId)).count();
    }

    private static Map<String, ? extends Session> sessionsOf(FindByIndexNameSessionRepository<? extends Session> sessions,
                                                             String username) {
        return sessions.findByPrincipalName(username);
    }
}

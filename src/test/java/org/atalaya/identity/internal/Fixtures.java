package org.atalaya.identity.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** Users made for one test each: the tests share one database, so every name is new. */
final class Fixtures {

    static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Fixtures() {
    }

    static String uniqueName(String stem) {
        return stem + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    }

    /** A user with the given roles and {@link #PASSWORD}, who need not change it. */
    static String user(UserAdministration administration, String stem, String... roles) {
        String username = uniqueName(stem);
        administration.create(new UserAdministration.NewUser(username, "Test " + stem, List.of(roles), PASSWORD), "test");
        return username;
    }
}

package org.atalaya.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.atalaya.access.Permission;
import org.springframework.security.core.context.SecurityContextHolder;

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

    /** A custom role with the given grants and {@code OWN_ACCOUNT}. */
    static String role(RoleAdministration roles, String stem, boolean requiresTotp, Role.Grant... grants) {
        String name = uniqueName(stem);
        roles.create(name, "test role");
        var all = new ArrayList<>(List.of(grants));
        all.add(grant(Permission.OWN_ACCOUNT));
        roles.update(name, "test role", requiresTotp, all);
        return name;
    }

    static Role.Grant grant(Permission permission) {
        return new Role.Grant(permission, null);
    }

    /** Makes the user the signed-in user of this thread, as one of their requests would; clear the context after. */
    static void actAs(SignedInUsers signedInUsers, UserStore users, String username) {
        var principal = signedInUsers.load(users.byUsername(username).orElseThrow().id()).orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(new SignedInAuthentication(principal));
    }
}

package org.atalaya.identity;

import java.util.Set;

/**
 * Accounts created by the system rather than by an administrator in the console: for set-up scripts, other
 * modules' fixtures and tests. Both operations are audited with the actor {@code system}.
 */
public interface UserAccounts {

    /**
     * Creates an enabled user whose password need not be changed at first sign-in.
     *
     * @throws IllegalArgumentException if the name is taken or malformed, a role is unknown, or the password too weak
     */
    void create(String username, String displayName, String password, Set<String> roleNames);

    /** Issues a personal API token for the user and returns it; only its hash is kept. */
    String issueToken(String username, String label);
}

package org.atalaya.identity.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.SignedInUser;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.atalaya.identity.UserAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and looking after accounts. Every change is audited in its own transaction; nobody changes their own
 * roles or disables themselves, the last enabled user who can manage users keeps that power, and nobody gives
 * roles or acts on accounts beyond their own authority ({@link Authority}). Authority is checked before anything
 * changes, so its refusal, audited as denied, is the one exception that does not roll the transaction back.
 */
@Service
class UserAdministration implements UserAccounts {

    static final String ADMIN = "admin";
    static final String SYSTEM = "system";
    private static final int MAX_DISPLAY_NAME = 100;

    /** A new account; with no password given, a one-time password is made that must be changed at first sign-in. */
    record NewUser(String username, String displayName, Collection<String> roles, String password) {
    }

    record Created(UserView user, String oneTimePassword) {

        @Override
        public String toString() {
            return "Created[" + user.username() + "]";
        }
    }

    /** A reset password: the new one-time password, and how many API tokens of the user were revoked with it. */
    record PasswordReset(String oneTimePassword, int tokensRevoked) {

        @Override
        public String toString() {
            return "PasswordReset[" + tokensRevoked + " tokens revoked]";
        }
    }

    private final UserStore users;
    private final RoleStore roles;
    private final Passwords passwords;
    private final Sessions sessions;
    private final ApiTokens tokens;
    private final Authority authority;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    UserAdministration(UserStore users, RoleStore roles, Passwords passwords, Sessions sessions, ApiTokens tokens,
                       Authority authority, AuditLog audit, JdbcClient jdbc, Clock clock) {
        this.users = users;
        this.roles = roles;
        this.passwords = passwords;
        this.sessions = sessions;
        this.tokens = tokens;
        this.authority = authority;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<UserView> list() {
        var now = clock.instant();
        return users.all().stream().map(user -> UserView.of(user, users.roleNames(user.id()), now)).toList();
    }

    UserView view(String username) {
        var user = existing(username);
        return UserView.of(user, users.roleNames(user.id()), clock.instant());
    }

    @Transactional(noRollbackFor = IdentityProblem.BeyondAuthority.class)
    public Created create(NewUser request, String actor) {
        String username = Usernames.normalise(request.username());
        if (!Usernames.valid(username)) throw IdentityProblem.invalid("user.username.invalid");
        if (users.byUsername(username).isPresent()) throw IdentityProblem.conflict("user.username.taken", username);
        String displayName = displayName(request.displayName(), username);
        var granted = rolesNamed(request.roles());
        boolean oneTime = request.password() == null || request.password().isEmpty();
        String password = oneTime ? passwords.oneTimePassword() : request.password();
        if (!oneTime) passwords.requireAcceptable(username, password);
        authority.requireMayGiveRoles("user.create", "user:" + username, granted);
        long id = users.insert(username, displayName, passwords.hash(password), oneTime, clock.instant());
        users.replaceRoles(id, granted.stream().map(Role::id).toList());
        audit.record(AuditEvent.success("user.create", "user:" + username).by(actor)
                .with("roles", String.join(",", names(granted)))
                .with("password", oneTime ? "one-time" : "set"));
        return new Created(view(username), oneTime ? password : null);
    }

    @Override
    @Transactional
    public void create(String username, String displayName, String password, Set<String> roleNames) {
        try {
            create(new NewUser(username, displayName, roleNames, password), SYSTEM);
        } catch (IdentityProblem problem) {
            throw new IllegalArgumentException("cannot create user " + username + ": " + problem.messageKey());
        }
    }

    @Override
    public String issueToken(String username, String label) {
        return tokens.issue(username, label, SYSTEM, "system").token();
    }

    /** Creates {@code admin} if there is no user at all; returns the one-time password if one was made. */
    @Transactional
    public Optional<String> createFirstAdministrator(String configuredPassword) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('atalaya.identity.first-administrator'))").query().singleRow();
        if (users.anyExists()) return Optional.empty();
        boolean configured = configuredPassword != null && !configuredPassword.isEmpty();
        if (configured) {
            try {
                passwords.requireAcceptable(ADMIN, configuredPassword);
            } catch (IdentityProblem weak) {
                throw new IllegalStateException("ATALAYA_ADMIN_PASSWORD is too weak (" + weak.messageKey()
                        + "): use at least " + passwords.minLength() + " characters, not the user name");
            }
        }
        var created = create(new NewUser(ADMIN, "Administrator", List.of(ADMIN), configured ? configuredPassword : null), SYSTEM);
        return Optional.ofNullable(created.oneTimePassword());
    }

    @Transactional(noRollbackFor = IdentityProblem.BeyondAuthority.class)
    public UserView update(String username, String displayName, Collection<String> roleNames) {
        var user = existing(username);
        var wanted = roleNames == null ? null : rolesNamed(roleNames);
        requireAuthority(user, wanted);
        if (displayName != null) {
            String cleaned = displayName(displayName, user.username());
            if (!cleaned.equals(user.displayName())) {
                users.setDisplayName(user.id(), cleaned);
                audit.record(AuditEvent.success("user.update", "user:" + user.username())
                        .with("displayName", cleaned));
            }
        }
        if (wanted != null) {
            var before = new TreeSet<>(users.roleNames(user.id()));
            var after = names(wanted);
            if (!before.equals(after)) {
                if (isActor(user)) throw IdentityProblem.invalid("user.ownRoles");
                users.replaceRoles(user.id(), wanted.stream().map(Role::id).toList());
                audit.record(AuditEvent.success("user.roles", "user:" + user.username())
                        .with("before", String.join(",", before)).with("after", String.join(",", after)));
                requireSomeoneCanManageUsers();
            }
        }
        return view(user.username());
    }

    /** Several changes at once, all or none; null means "leave as it is". */
    @Transactional(noRollbackFor = IdentityProblem.BeyondAuthority.class)
    public UserView change(String username, String displayName, Collection<String> roleNames, Boolean enabled,
                           boolean unlock) {
        if (displayName != null || roleNames != null || enabled != null || unlock) {
            requireAuthority(existing(username), roleNames == null ? null : rolesNamed(roleNames));
        }
        if (displayName != null || roleNames != null) update(username, displayName, roleNames);
        if (enabled != null) setEnabled(username, enabled);
        if (unlock) unlock(username);
        return view(username);
    }

    @Transactional(noRollbackFor = IdentityProblem.BeyondAuthority.class)
    public void setEnabled(String username, boolean enabled) {
        var user = existing(username);
        authority.requireMayManage(enabled ? "user.enable" : "user.disable", user);
        if (user.enabled() == enabled) return;
        if (!enabled && isActor(user)) throw IdentityProblem.invalid("user.disableSelf");
        users.setEnabled(user.id(), enabled);
        audit.record(AuditEvent.success(enabled ? "user.enable" : "user.disable", "user:" + user.username()));
        if (!enabled) {
            requireSomeoneCanManageUsers();
            sessions.endAll(user.username(), null);
        }
    }

    @Transactional(noRollbackFor = IdentityProblem.BeyondAuthority.class)
    public void unlock(String username) {
        var user = existing(username);
        authority.requireMayManage("user.unlock", user);
        users.clearFailures(user.id());
        audit.record(AuditEvent.success("user.unlock", "user:" + user.username()));
    }

    /**
     * Gives the user a new one-time password, signs them out everywhere and revokes their API tokens: a reset is
     * how an account that was in someone else's hands is taken back, tokens included.
     */
    @Transactional(noRollbackFor = IdentityProblem.BeyondAuthority.class)
    public PasswordReset resetPassword(String username) {
        var user = existing(username);
        authority.requireMayManage("user.password.reset", user);
        String password = passwords.oneTimePassword();
        users.setPassword(user.id(), passwords.hash(password), true, clock.instant());
        users.clearFailures(user.id());
        audit.record(AuditEvent.success("user.password.reset", "user:" + user.username()));
        int revoked = tokens.revokeAll(user.id(), "password-reset");
        sessions.endAll(user.username(), null);
        return new PasswordReset(password, revoked);
    }

    @Transactional(noRollbackFor = IdentityProblem.BeyondAuthority.class)
    public void resetTotp(String username) {
        var user = existing(username);
        authority.requireMayManage("user.totp.reset", user);
        users.disableTotp(user.id());
        audit.record(AuditEvent.success("user.totp.reset", "user:" + user.username()));
        sessions.endAll(user.username(), null);
    }

    @Transactional(noRollbackFor = IdentityProblem.BeyondAuthority.class)
    public int signOutEverywhere(String username) {
        var user = existing(username);
        authority.requireMayManage("user.sessions.end", user);
        int ended = sessions.endAll(user.username(), null);
        audit.record(AuditEvent.success("user.sessions.end", "user:" + user.username())
                .with("sessions", Integer.toString(ended)));
        return ended;
    }

    private UserAccount existing(String username) {
        return users.byUsername(Usernames.normalise(username))
                .orElseThrow(() -> IdentityProblem.notFound("user.notFound", username));
    }

    /** The account must be within the actor's authority, and so must the roles it is to have (null: unchanged). */
    private void requireAuthority(UserAccount user, List<Role> wanted) {
        authority.requireMayManage(wanted == null ? "user.update" : "user.roles", user);
        if (wanted != null) authority.requireMayGiveRoles("user.roles", "user:" + user.username(), wanted);
    }

    /** The roles a request names, each once; a blank name or an unknown role is refused. */
    private List<Role> rolesNamed(Collection<String> names) {
        if (names == null) return List.of();
        var known = roles.all();
        var named = new TreeMap<String, Role>();
        for (String name : names) {
            if (name == null || name.isBlank()) throw IdentityProblem.invalid("role.nameMissing");
            named.put(name, known.stream().filter(role -> role.name().equals(name)).findFirst()
                    .orElseThrow(() -> IdentityProblem.invalid("role.unknown", name)));
        }
        return List.copyOf(named.values());
    }

    private static TreeSet<String> names(Collection<Role> roles) {
        return roles.stream().map(Role::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String displayName(String typed, String username) {
        String cleaned = typed == null || typed.isBlank() ? username : typed.strip().replaceAll("\\p{Cntrl}", "");
        if (cleaned.length() > MAX_DISPLAY_NAME) throw IdentityProblem.invalid("user.displayName.tooLong", MAX_DISPLAY_NAME);
        return cleaned;
    }

    private static boolean isActor(UserAccount user) {
        return CurrentUser.get().map(SignedInUser::username).filter(user.username()::equals).isPresent();
    }

    private void requireSomeoneCanManageUsers() {
        if (!users.someoneEnabledCanManageUsers()) throw IdentityProblem.conflict("user.lastAdministrator");
    }
}

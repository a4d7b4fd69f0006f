package org.atalaya.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.atalaya.audit.AuditEvent;
import org.atalaya.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: {@code atl_} and 32 random bytes in base64url. Only a SHA-256 hash is stored (a token has
 * far too much entropy to guess, so a slow hash would buy nothing) together with a short prefix to recognise it by.
 * A token acts with its owner's current permissions. It stops working when revoked (an administrator's password
 * reset revokes all the owner's tokens) or when the owner is disabled, and waits while the owner has yet to set up
 * a required two-factor sign-in.
 */
@Service
class ApiTokens {

    static final String SCHEME = "atl_";
    private static final int RANDOM_BYTES = 32;
    private static final int TOKEN_LENGTH = SCHEME.length() + 43;
    private static final int SHOWN_PREFIX = SCHEME.length() + 8;
    static final int MAX_LABEL = 100;

    record Issued(long id, String label, String prefix, String token, Instant createdAt) {

        @Override
        public String toString() {
            return "Issued[" + id + ", " + prefix + "…]";
        }
    }

    private final TokenStore tokens;
    private final UserStore users;
    private final SignedInUsers signedInUsers;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(TokenStore tokens, UserStore users, SignedInUsers signedInUsers, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.signedInUsers = signedInUsers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Issues a token for the user.
     *
     * @param actor who asked for it, or null for the signed-in user
     * @param via   how it was asked for (console, api, cli, system), recorded in the audit entry
     */
    @Transactional
    public Issued issue(String username, String label, String actor, String via) {
        var owner = users.byUsername(Usernames.normalise(username))
                .orElseThrow(() -> IdentityProblem.notFound("user.notFound", username));
        String cleanLabel = label == null || label.isBlank() ? "token" : label.strip().replaceAll("\\p{Cntrl}", " ");
        if (cleanLabel.length() > MAX_LABEL) throw IdentityProblem.invalid("token.labelTooLong", MAX_LABEL);
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String token = SCHEME + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String prefix = token.substring(0, SHOWN_PREFIX);
        Instant now = clock.instant();
        long id = tokens.insert(owner.id(), cleanLabel, sha256(token), prefix, now);
        audit.record(AuditEvent.success("token.create", "token:" + id).by(actor)
                .with("owner", owner.username()).with("label", cleanLabel).with("prefix", prefix).with("via", via));
        return new Issued(id, cleanLabel, prefix, token, now);
    }

    List<TokenStore.TokenRow> of(String username) {
        return users.byUsername(Usernames.normalise(username)).map(user -> tokens.ofUser(user.id())).orElse(List.of());
    }

    /**
     * Revokes a token.
     *
     * @param owner the user the token must belong to, or null to revoke anyone's (administrators, the command line)
     */
    @Transactional
    public void revoke(String owner, long id, String actor, String via) {
        var token = tokens.byId(id)
                .filter(row -> owner == null || users.byId(row.userId()).map(UserAccount::username).orElse("").equals(owner))
                .orElseThrow(() -> IdentityProblem.notFound("token.notFound", id));
        if (!tokens.revoke(token.id(), clock.instant())) throw IdentityProblem.conflict("token.alreadyRevoked", id);
        audit.record(AuditEvent.success("token.revoke", "token:" + id).by(actor)
                .with("prefix", token.prefix()).with("via", via));
    }

    /** What a presented token amounts to. */
    sealed interface Presented {
    }

    /** A valid token: it acts as its owner, as they are now. */
    record Valid(AtalayaPrincipal owner) implements Presented {
    }

    /** Unknown, malformed, revoked, or its owner is disabled. */
    record Invalid() implements Presented {
    }

    /** A valid token of a user who must set up two-factor sign-in before anything else, tokens included. */
    record EnrolmentRequired(String owner) implements Presented {
    }

    Presented authenticate(String presented) {
        if (presented == null || presented.length() != TOKEN_LENGTH || !presented.startsWith(SCHEME)) {
            return new Invalid();
        }
        var row = tokens.byHash(sha256(presented)).filter(TokenStore.TokenRow::active);
        var owner = row.flatMap(found -> signedInUsers.load(found.userId()));
        if (owner.isEmpty()) return new Invalid();
        if (signedInUsers.enrolmentPending(owner.get().userId())) return new EnrolmentRequired(owner.get().username());
        tokens.touch(row.get().id(), clock.instant());
        return new Valid(owner.get());
    }

    /**
     * Revokes every active token of the user, each audited; returns how many. After an administrator resets a
     * password the account may have been in someone else's hands, and so may its tokens.
     */
    @Transactional
    public int revokeAll(long userId, String via) {
        Instant now = clock.instant();
        var active = tokens.ofUser(userId).stream().filter(TokenStore.TokenRow::active).toList();
        for (var token : active) {
            tokens.revoke(token.id(), now);
            audit.record(AuditEvent.success("token.revoke", "token:" + token.id())
                    .with("prefix", token.prefix()).with("via", via));
        }
        return active.size();
    }

    /** The part of a presented token that may be written to the audit log: the same prefix its owner sees. */
    static String shownPrefix(String presented) {
        String clean = presented == null ? "" : presented.replaceAll("[^A-Za-z0-9_-]", "?");
        return clean.length() > SHOWN_PREFIX ? clean.substring(0, SHOWN_PREFIX) : clean;
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

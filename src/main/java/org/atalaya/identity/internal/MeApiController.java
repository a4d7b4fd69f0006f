package org.atalaya.identity.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account over the API: who am I, and my personal tokens. */
@RestController
@RequestMapping("/api/v1/me")
@RequiresPermission(Permission.OWN_ACCOUNT)
class MeApiController {

    record Me(String username, String displayName, List<String> roles, Set<Permission> permissions, boolean totpEnabled) {
    }

    record TokenRequest(String label) {
    }

    /** A token as listed: never the token itself. */
    record TokenSummary(long id, String label, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

        static TokenSummary of(TokenStore.TokenRow row) {
            return new TokenSummary(row.id(), row.label(), row.prefix(), row.createdAt(), row.lastUsedAt(), row.revokedAt());
        }
    }

    /** A new token: the only time {@code token} is ever returned. */
    record NewToken(long id, String label, String prefix, String token, Instant createdAt) {
    }

    private final UserStore users;
    private final ApiTokens tokens;

    MeApiController(UserStore users, ApiTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @GetMapping
    Me me() {
        var me = AccountService.me();
        var account = users.byId(me.userId()).orElseThrow();
        return new Me(me.username(), me.displayName(), users.roleNames(me.userId()), me.permissions(), account.totpEnabled());
    }

    @GetMapping("/tokens")
    List<TokenSummary> tokens() {
        return tokens.of(AccountService.me().username()).stream().map(TokenSummary::of).toList();
    }

    @PostMapping("/tokens")
    ResponseEntity<NewToken> createToken(@RequestBody(required = false) TokenRequest request) {
        var issued = tokens.issue(AccountService.me().username(), request == null ? null : request.label(), null, "api");
        return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + issued.id()))
                .body(new NewToken(issued.id(), issued.label(), issued.prefix(), issued.token(), issued.createdAt()));
    }

    @DeleteMapping("/tokens/{id}")
    ResponseEntity<Void> revokeToken(@PathVariable long id) {
        tokens.revoke(AccountService.me().username(), id, null, "api");
        return ResponseEntity.noContent().build();
    }
}

package org.atalaya.identity.internal;

import java.net.URI;
import java.util.List;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** User administration over the API, with the same rules and audit entries as the console pages. */
@RestController
@RequestMapping("/api/v1/users")
@RequiresPermission(Permission.USER_MANAGE)
class UsersApiController {

    /**
     * A new user. Without {@code password} a one-time password is made, returned once, and must be changed at the
     * first sign-in.
     */
    record NewUserRequest(String username, String displayName, List<String> roles, String password) {

        @Override
        public String toString() {
            return "NewUserRequest[" + username + "]";
        }
    }

    /** Only the fields present change. */
    record UserChanges(String displayName, List<String> roles, Boolean enabled, Boolean unlock) {
    }

    record CreatedUser(UserView user, String oneTimePassword) {
    }

    /** @param tokensRevoked how many of the user's API tokens the reset revoked (all that were active) */
    record PasswordReset(String oneTimePassword, int tokensRevoked) {
    }

    record SignedOut(int sessionsEnded) {
    }

    private final UserAdministration administration;

    UsersApiController(UserAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    List<UserView> list() {
        return administration.list();
    }

    @PostMapping
    ResponseEntity<CreatedUser> create(@RequestBody NewUserRequest request) {
        var created = administration.create(new UserAdministration.NewUser(
                request.username(), request.displayName(), request.roles(), request.password()), null);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.user().username()))
                .body(new CreatedUser(created.user(), created.oneTimePassword()));
    }

    @GetMapping("/{username}")
    UserView get(@PathVariable String username) {
        return administration.view(username);
    }

    @PatchMapping("/{username}")
    UserView change(@PathVariable String username, @RequestBody UserChanges changes) {
        return administration.change(username, changes.displayName(), changes.roles(), changes.enabled(),
                Boolean.TRUE.equals(changes.unlock()));
    }

    /** A new one-time password; the user is signed out everywhere and their API tokens are revoked. */
    @PostMapping("/{username}/password-reset")
    PasswordReset resetPassword(@PathVariable String username) {
        var reset = administration.resetPassword(username);
        return new PasswordReset(reset.oneTimePassword(), reset.tokensRevoked());
    }

    @PostMapping("/{username}/sign-out")
    SignedOut signOut(@PathVariable String username) {
        return new SignedOut(administration.signOutEverywhere(username));
    }
}

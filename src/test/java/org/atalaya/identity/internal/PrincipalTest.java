package org.atalaya.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.atalaya.access.Permission;
import org.junit.jupiter.api.Test;

class PrincipalTest {

    private final AtalayaPrincipal principal = new AtalayaPrincipal(7, "olga", "Olga",
            Set.of(Permission.CAMERA_VIEW, Permission.OWN_ACCOUNT),
            Map.of(Permission.LIVE_VIEW, Set.of("north", "harbour")));

    @Test
    void anUnscopedGrantCoversEveryCameraGroup() {
        assertThat(principal.can(Permission.CAMERA_VIEW)).isTrue();
        assertThat(principal.can(Permission.CAMERA_VIEW, "anywhere")).isTrue();
    }

    @Test
    void aScopedGrantCoversOnlyItsGroups() {
        assertThat(principal.can(Permission.LIVE_VIEW)).isTrue();
        assertThat(principal.can(Permission.LIVE_VIEW, "north")).isTrue();
        assertThat(principal.can(Permission.LIVE_VIEW, "south")).isFalse();
        assertThat(principal.can(Permission.PLAYBACK_VIEW, "north")).isFalse();
        assertThat(principal.permissions()).containsExactlyInAnyOrder(
                Permission.CAMERA_VIEW, Permission.OWN_ACCOUNT, Permission.LIVE_VIEW);
    }
}

package org.atalaya.identity.internal;

import java.util.List;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.identity.CameraGroups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The roles and camera groups, read-only over the API (they are edited on the console's role pages). */
@RestController
@RequiresPermission(Permission.ROLE_MANAGE)
class RolesApiController {

    /** @param grants each permission with the camera group it is limited to, or none for every group */
    record RoleView(String name, String description, boolean builtin, boolean requiresTotp, int members,
                    List<Role.Grant> grants) {
    }

    private final RoleAdministration administration;

    RolesApiController(RoleAdministration administration) {
        this.administration = administration;
    }

    @GetMapping("/api/v1/roles")
    List<RoleView> roles() {
        return administration.list().stream()
                .map(role -> new RoleView(role.name(), role.description(), role.builtin(), role.requiresTotp(),
                        role.members(), role.grants()))
                .toList();
    }

    @GetMapping("/api/v1/camera-groups")
    List<CameraGroups.CameraGroup> cameraGroups() {
        return administration.cameraGroups();
    }
}

package org.atalaya.identity.internal;

import java.util.List;
import org.atalaya.access.Permission;

/**
 * A named set of permission grants.
 *
 * @param members how many users hold the role
 */
record Role(long id, String name, String description, boolean builtin, boolean requiresTotp, List<Grant> grants,
            int members) {

    /** One permission, for every camera group ({@code cameraGroup == null}) or for one group. */
    record Grant(Permission permission, String cameraGroup) {
    }

    public boolean grantsEverywhere(Permission permission) {
        return grants.stream().anyMatch(grant -> grant.permission() == permission && grant.cameraGroup() == null);
    }

    public List<String> groupsOf(Permission permission) {
        return grants.stream()
                .filter(grant -> grant.permission() == permission && grant.cameraGroup() != null)
                .map(Grant::cameraGroup).sorted().toList();
    }
}

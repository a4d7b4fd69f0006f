package org.atalaya.identity;

import java.util.List;
import java.util.Optional;

/**
 * The named groups that cameras belong to and that role grants can be limited to. Groups are created and removed on
 * the role administration page; a camera names its group by {@link CameraGroup#name()}.
 */
public interface CameraGroups {

    record CameraGroup(long id, String name, String description) {
    }

    List<CameraGroup> all();

    Optional<CameraGroup> byName(String name);
}

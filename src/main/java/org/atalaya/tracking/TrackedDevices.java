package org.atalaya.tracking;

import java.util.List;

/** Which tracking device (Traccar Client on a phone, an AVL box) reports for which unit. Changes are audited. */
public interface TrackedDevices {

    /** Registers a device identifier to a unit (moving it when it was registered to another). */
    void register(String deviceId, long unitId, String actor);

    /** Forgets a device; false when it was not registered. */
    boolean unregister(String deviceId, String actor);

    List<String> devicesOf(long unitId);
}

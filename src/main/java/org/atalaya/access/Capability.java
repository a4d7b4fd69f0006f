package org.atalaya.access;

/** The product areas that permissions are grouped by on the role administration page. */
public enum Capability {
    CAMERAS,
    LIVE,
    PLAYBACK,
    ALARMS,
    INCIDENTS,
    DISPATCH,
    INFRASTRUCTURE,
    PRIVACY,
    AUDIT,
    ADMINISTRATION,
    ACCOUNT
}

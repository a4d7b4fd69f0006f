package org.atalaya.access;

/**
 * Everything a role can be allowed to do. Permissions marked {@code scopable} can be limited to camera groups
 * when granted to a role; the others apply to the whole installation.
 */
public enum Permission {
    CAMERA_VIEW(Capability.CAMERAS, true),
    CAMERA_MANAGE(Capability.CAMERAS, true),
    LIVE_VIEW(Capability.LIVE, true),
    PLAYBACK_VIEW(Capability.PLAYBACK, true),
    EXPORT_REQUEST(Capability.PLAYBACK, true),
    EXPORT_APPROVE(Capability.PLAYBACK, true),
    LEGAL_HOLD_MANAGE(Capability.PLAYBACK, true),
    ALARM_VIEW(Capability.ALARMS, true),
    ALARM_HANDLE(Capability.ALARMS, true),
    ALARM_CONFIGURE(Capability.ALARMS, false),
    CALL_INTAKE(Capability.INCIDENTS, false),
    INCIDENT_VIEW(Capability.INCIDENTS, false),
    INCIDENT_MANAGE(Capability.INCIDENTS, false),
    DISPATCH_VIEW(Capability.DISPATCH, false),
    DISPATCH_ASSIGN(Capability.DISPATCH, false),
    UNIT_REPORT(Capability.DISPATCH, false),
    RESPONSE_KPI_VIEW(Capability.DISPATCH, false),
    INFRA_VIEW(Capability.INFRASTRUCTURE, false),
    INFRA_MANAGE(Capability.INFRASTRUCTURE, false),
    PRIVACY_VIEW(Capability.PRIVACY, false),
    PRIVACY_MANAGE(Capability.PRIVACY, false),
    AUDIT_VIEW(Capability.AUDIT, false),
    AUDIT_EXPORT(Capability.AUDIT, false),
    USER_MANAGE(Capability.ADMINISTRATION, false),
    ROLE_MANAGE(Capability.ADMINISTRATION, false),
    SYSTEM_CONFIGURE(Capability.ADMINISTRATION, false),
    SYSTEM_MONITOR(Capability.ADMINISTRATION, false),
    OWN_ACCOUNT(Capability.ACCOUNT, false);

    private final Capability capability;
    private final boolean scopable;

    Permission(Capability capability, boolean scopable) {
        this.capability = capability;
        this.scopable = scopable;
    }

    public Capability capability() {
        return capability;
    }

    /** Whether a grant of this permission may be limited to some camera groups. */
    public boolean scopable() {
        return scopable;
    }
}

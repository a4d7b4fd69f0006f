package org.atalaya.console.internal;

import org.atalaya.access.Permission;

/** The console's places, in navigation order. A section shows to users whose roles grant its permission. */
enum ConsoleSection {
    LIVE_WALL(Group.OPERATIONS, "/live", Permission.LIVE_VIEW, "w"),
    MAP(Group.OPERATIONS, "/map", Permission.CAMERA_VIEW, "m"),
    PLAYBACK(Group.OPERATIONS, "/playback", Permission.PLAYBACK_VIEW, "p"),
    ALARMS(Group.OPERATIONS, "/alarms", Permission.ALARM_VIEW, "a"),
    ANALYTICS(Group.OPERATIONS, "/analytics", Permission.ALARM_CONFIGURE, "z"),
    CALLS(Group.EMERGENCY, "/calls", Permission.CALL_INTAKE, "c"),
    INCIDENTS(Group.EMERGENCY, "/incidents", Permission.INCIDENT_VIEW, "i"),
    DISPATCH(Group.EMERGENCY, "/dispatch", Permission.DISPATCH_VIEW, "d"),
    RESPONDER(Group.EMERGENCY, "/responder", Permission.UNIT_REPORT, null),
    RESPONSE_TIMES(Group.EMERGENCY, "/response-times", Permission.RESPONSE_KPI_VIEW, "t"),
    CAMERAS(Group.INFRASTRUCTURE, "/cameras", Permission.CAMERA_VIEW, "k"),
    HEALTH(Group.INFRASTRUCTURE, "/infrastructure", Permission.INFRA_VIEW, "n"),
    PRIVACY(Group.ACCOUNTABILITY, "/privacy", Permission.PRIVACY_VIEW, "r"),
    LEGAL_HOLDS(Group.ACCOUNTABILITY, "/legal-holds", Permission.LEGAL_HOLD_MANAGE, "h"),
    AUDIT(Group.ACCOUNTABILITY, "/audit", Permission.AUDIT_VIEW, "l"),
    USERS(Group.ADMINISTRATION, "/admin/users", Permission.USER_MANAGE, "u"),
    ROLES(Group.ADMINISTRATION, "/admin/roles", Permission.ROLE_MANAGE, "o");

    enum Group {
        OPERATIONS, EMERGENCY, INFRASTRUCTURE, ACCOUNTABILITY, ADMINISTRATION;

        String labelKey() {
            return "nav.group." + name().toLowerCase();
        }
    }

    final Group group;
    final String path;
    final Permission permission;
    final String shortcut;

    ConsoleSection(Group group, String path, Permission permission, String shortcut) {
        this.group = group;
        this.path = path;
        this.permission = permission;
        this.shortcut = shortcut;
    }

    String labelKey() {
        return "nav." + name().toLowerCase().replace('_', '-');
    }
}

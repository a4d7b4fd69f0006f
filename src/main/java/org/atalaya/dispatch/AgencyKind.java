package org.atalaya.dispatch;

/** The kinds of agency the centre dispatches. */
public enum AgencyKind {
    POLICE, FIRE, EMS, CIVIL_DEFENCE
}

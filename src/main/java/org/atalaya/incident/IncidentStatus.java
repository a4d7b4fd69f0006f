package org.atalaya.incident;

/** Where an incident stands. The first four are stages in order; closed and cancelled end it. */
public enum IncidentStatus {
    NEW, DISPATCHED, EN_ROUTE, ON_SCENE, CLOSED, CANCELLED;

    public boolean ended() {
        return this == CLOSED || this == CANCELLED;
    }
}

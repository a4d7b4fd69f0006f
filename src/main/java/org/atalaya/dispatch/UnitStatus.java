package org.atalaya.dispatch;

/** What a unit is doing. */
public enum UnitStatus {
    AVAILABLE, DISPATCHED, EN_ROUTE, ON_SCENE, OUT_OF_SERVICE
}

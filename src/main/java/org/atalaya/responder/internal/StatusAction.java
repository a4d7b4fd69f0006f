package org.atalaya.responder.internal;

import java.util.List;
import org.atalaya.dispatch.UnitStatus;

/**
 * A status button on the responder's page: the status it reports and the message key of its words.
 *
 * @param primary whether it is the step the crew is expected to report next (drawn as the big button)
 */
record StatusAction(UnitStatus target, String labelKey, boolean primary) {

    /** The reports that make sense from a status: the next step of an assignment, or going in or out of service. */
    static List<StatusAction> from(UnitStatus current) {
        return switch (current) {
            case DISPATCHED -> List.of(new StatusAction(UnitStatus.EN_ROUTE, "responder.action.enRoute", true));
            case EN_ROUTE -> List.of(new StatusAction(UnitStatus.ON_SCENE, "responder.action.onScene", true));
            case ON_SCENE -> List.of(new StatusAction(UnitStatus.AVAILABLE, "responder.action.clear", true));
            case AVAILABLE -> List.of(new StatusAction(UnitStatus.OUT_OF_SERVICE, "responder.action.outOfService",
                    false));
            case OUT_OF_SERVICE -> List.of(new StatusAction(UnitStatus.AVAILABLE, "responder.action.inService",
                    true));
        };
    }
}

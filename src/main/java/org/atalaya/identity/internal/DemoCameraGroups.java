package org.atalaya.identity.internal;

import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The demo's camera groups, around the centre of San Salvador de Jujuy, so that a newcomer can try limiting a role
 * to some cameras. Created once, audited like any other; a group an administrator removed is not brought back
 * while others exist.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty("atalaya.demo.enabled")
class DemoCameraGroups implements ApplicationRunner {

    static final Map<String, String> GROUPS = Map.of(
            "Centro", "Microcentro de San Salvador de Jujuy: plazas, bancos y edificios públicos",
            "Alto Comedero", "Barrio Alto Comedero: avenidas principales y centros de salud",
            "Accesos", "Rutas de acceso y terminal de ómnibus");

    private final CameraGroupStore groups;
    private final RoleAdministration administration;

    DemoCameraGroups(CameraGroupStore groups, RoleAdministration administration) {
        this.groups = groups;
        this.administration = administration;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!groups.all().isEmpty()) return;
        GROUPS.forEach(administration::createCameraGroup);
    }
}

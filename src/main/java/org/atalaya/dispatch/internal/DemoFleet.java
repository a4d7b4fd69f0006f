package org.atalaya.dispatch.internal;

import java.util.List;
import org.atalaya.dispatch.UnitView;
import org.atalaya.dispatch.internal.Fleet.Agency;
import org.atalaya.dispatch.internal.Fleet.UnitForm;
import org.atalaya.tracking.TrackedDevices;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The demo's agencies of San Salvador de Jujuy and a small fleet with crews and tracking devices, created once when
 * there are no agencies at all, audited like any other. {@link DemoFleetDriver} then drives them around the centre.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty("atalaya.demo.enabled")
class DemoFleet implements ApplicationRunner {

    private static final String ACTOR = "system";

    /** One demo unit: its call sign, agency, type, crew, capabilities and the device that reports its position. */
    record DemoUnit(String callSign, String agency, String unitType, List<String> crew, List<String> capabilities,
                    String device) {
    }

    private static final String POLICE = "Policía de la Provincia de Jujuy";
    private static final String FIRE = "Bomberos Voluntarios";
    private static final String EMS = "SAME 107";
    private static final String CIVIL_DEFENCE = "Defensa Civil";

    static final List<DemoUnit> UNITS = List.of(
            new DemoUnit("P-1", POLICE, "patrol", List.of("Cabo Ramírez", "Agente Quispe"), List.of(), "demo-p1"),
            new DemoUnit("P-2", POLICE, "patrol", List.of("Sargento Flores", "Agente Mamaní"), List.of(), "demo-p2"),
            new DemoUnit("P-3", POLICE, "patrol", List.of("Agente Cruz", "Agente Vilte"), List.of(), "demo-p3"),
            new DemoUnit("P-4", POLICE, "patrol", List.of("Cabo Tolaba", "Agente Guzmán"), List.of(), "demo-p4"),
            new DemoUnit("M-1", POLICE, "motorcycle", List.of("Agente Sajama"), List.of(), "demo-m1"),
            new DemoUnit("A-1", EMS, "ambulance", List.of("Dra. Álvarez", "Enf. Choque", "Chofer Ríos"),
                    List.of("advanced-life-support"), "demo-a1"),
            new DemoUnit("A-2", EMS, "ambulance", List.of("Enf. Burgos", "Chofer Apaza"),
                    List.of("basic-life-support"), "demo-a2"),
            new DemoUnit("B-1", FIRE, "engine", List.of("Of. Tejerina", "Bombero Cazón", "Bombero Ortiz",
                    "Bombero Luna"), List.of("water-tank", "extrication"), "demo-b1"),
            new DemoUnit("DC-1", CIVIL_DEFENCE, "civil-defence", List.of("Téc. Gareca", "Vol. Zerpa"),
                    List.of("flood-response"), "demo-dc1"));

    private final Fleet fleet;
    private final TrackedDevices devices;

    DemoFleet(Fleet fleet, TrackedDevices devices) {
        this.fleet = fleet;
        this.devices = devices;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (fleet.hasAgencies()) return;
        Agency police = fleet.createAgency(POLICE, "POLICE", ACTOR);
        Agency fire = fleet.createAgency(FIRE, "FIRE", ACTOR);
        Agency ems = fleet.createAgency(EMS, "EMS", ACTOR);
        Agency civilDefence = fleet.createAgency(CIVIL_DEFENCE, "CIVIL_DEFENCE", ACTOR);
        for (DemoUnit demo : UNITS) {
            Agency agency = switch (demo.agency()) {
                case POLICE -> police;
                case FIRE -> fire;
                case EMS -> ems;
                default -> civilDefence;
            };
            UnitView unit = fleet.createUnit(new UnitForm(demo.callSign(), agency.id(), demo.unitType(),
                    demo.capabilities(), demo.crew(), true), ACTOR);
            devices.register(demo.device(), unit.id(), ACTOR);
        }
    }
}

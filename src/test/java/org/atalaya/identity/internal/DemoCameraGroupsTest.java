package org.atalaya.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.atalaya.identity.CameraGroups;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** Runs in a transaction that is rolled back, so the shared database keeps the groups other tests made. */
@AtalayaTest
@Transactional
class DemoCameraGroupsTest {

    @Autowired CameraGroupStore store;
    @Autowired RoleAdministration administration;
    @Autowired JdbcClient jdbc;

    @Test
    void theDemoStartsWithGroupsAroundSanSalvadorDeJujuyOnce() {
        jdbc.sql("DELETE FROM camera_groups").update();
        var demo = new DemoCameraGroups(store, administration);

        demo.run(null);
        demo.run(null);

        assertThat(store.all()).extracting(CameraGroups.CameraGroup::name)
                .containsExactlyInAnyOrder("Centro", "Alto Comedero", "Accesos");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'camera-group.create' AND target = 'camera-group:Centro'")
                .query(Integer.class).single()).isPositive();
    }

    @Test
    void groupsAnAdministratorAlreadyKeepsAreLeftAlone() {
        jdbc.sql("DELETE FROM camera_groups").update();
        administration.createCameraGroup("Norte", "made by hand");

        new DemoCameraGroups(store, administration).run(null);

        assertThat(store.all()).extracting(CameraGroups.CameraGroup::name).containsExactly("Norte");
    }
}

package org.atalaya;

import static org.assertj.core.api.Assertions.assertThat;

import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@AtalayaTest
class ApplicationStartsTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void runsAsTheRestrictedApplicationRoleOnPostgres18() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("atalaya_app");
        assertThat(jdbc.sql("show server_version_num").query(String.class).single()).startsWith("18");
    }
}

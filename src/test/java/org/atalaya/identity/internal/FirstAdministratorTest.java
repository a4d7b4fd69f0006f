package org.atalaya.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@AtalayaTest
class FirstAdministratorTest {

    @Autowired
    UserAdministration administration;

    @Autowired
    UserStore users;

    @Test
    void theFirstStartMadeAnAdministratorAndNoLaterStartMakesAnother() {
        var admin = users.byUsername("admin").orElseThrow();

        assertThat(users.roleNames(admin.id())).containsExactly("admin");
        assertThat(administration.createFirstAdministrator("another strong password")).isEmpty();
    }

    @Test
    void theOneTimePasswordIsPrintedInAFramedBlock() {
        var out = new ByteArrayOutputStream();

        FirstAdministrator.announce("KDPqAcHUHuWJWFAPXzsd", new PrintStream(out, true, StandardCharsets.UTF_8));

        var lines = out.toString(StandardCharsets.UTF_8).strip().lines().toList();
        assertThat(lines).allSatisfy(line -> assertThat(line).hasSize(lines.getFirst().length()));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("one-time password:  KDPqAcHUHuWJWFAPXzsd"));
    }
}

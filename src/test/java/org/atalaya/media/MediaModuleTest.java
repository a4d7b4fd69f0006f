package org.atalaya.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

@AtalayaTest
class MediaModuleTest {

    @Autowired
    MediaProperties properties;

    @Autowired
    ProcessSupervisor supervisor;

    @Test
    void theModuleIsWiredWithItsDefaults() {
        assertThat(properties.binaryCache()).isEqualTo("data/cache/javacpp");
        assertThat(properties.maxBoxSize()).isEqualTo(DataSize.ofMegabytes(64));
        assertThat(properties.noOutputTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.restartDelays()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30));
        assertThat(properties.healthyAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(supervisor.status("no such camera")).isEmpty();
    }
}

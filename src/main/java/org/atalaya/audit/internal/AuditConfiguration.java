package org.atalaya.audit.internal;

import java.time.Clock;
import org.atalaya.audit.AuditProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfiguration {

    @Bean
    Checkpointer auditCheckpointer(JdbcClient jdbc, SigningKeyStore keys, AuditProperties properties, ObjectProvider<Clock> clock) {
        return new Checkpointer(jdbc, keys,
                new CheckpointPolicy(properties.checkpointEveryEntries(), properties.checkpointInterval()),
                clock.getIfAvailable(Clock::systemUTC));
    }
}

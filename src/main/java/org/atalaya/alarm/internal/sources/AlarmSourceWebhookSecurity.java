package org.atalaya.alarm.internal.sources;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The webhook has no user, no session and no CSRF token: a device posts with its source token, which
 * {@link WebhookController} checks. This chain takes that one path out of the console's sign-in chain (which would
 * ask for a user or a CSRF token) and lets it through to the controller; nothing else matches it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class AlarmSourceWebhookSecurity {

    static final String EVENTS_PATH = "/api/v1/alarm-sources/{id}/events";

    @Bean
    @Order(10)
    SecurityFilterChain alarmSourceWebhook(HttpSecurity http) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults()
                        .matcher(HttpMethod.POST, "/api/v1/alarm-sources/*/events"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }
}

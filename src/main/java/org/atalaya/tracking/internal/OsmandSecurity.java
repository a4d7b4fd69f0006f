package org.atalaya.tracking.internal;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Tracking devices have no user, no session and no CSRF token: the device id they send is their credential, checked
 * by {@link OsmandController} against the registered devices (as Traccar does). This chain takes the OsmAnd path out
 * of the console's sign-in chain; nothing else matches it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class OsmandSecurity {

    @Bean
    @Order(11)
    SecurityFilterChain osmandProtocol(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        List<RequestMatcher> matchers = List.of(
                paths.matcher(HttpMethod.GET, OsmandController.PATH), paths.matcher(HttpMethod.GET, OsmandController.PATH + "/"),
                paths.matcher(HttpMethod.POST, OsmandController.PATH), paths.matcher(HttpMethod.POST, OsmandController.PATH + "/"));
        http.securityMatcher(new OrRequestMatcher(matchers))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }
}

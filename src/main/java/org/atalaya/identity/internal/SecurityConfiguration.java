package org.atalaya.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.atalaya.access.Permission;
import org.atalaya.audit.AuditLog;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may reach what, before any controller runs: the sign-in pages, static files and health are open; the metrics
 * need SYSTEM_MONITOR; everything else needs a completed sign-in or an API token. Which permission each page or API
 * call needs is declared on the handler and enforced by {@link PermissionInterceptor}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration implements WebMvcConfigurer {

    private final PermissionInterceptor permissionInterceptor;

    /** Everything the console loads comes from Atalaya itself: no CDN, no inline script, no framing by other sites. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; worker-src 'self' blob:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), payment=(), usb=(), geolocation=(self)";

    SecurityConfiguration(PermissionInterceptor permissionInterceptor) {
        this.permissionInterceptor = permissionInterceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(permissionInterceptor);
    }

    @Bean
    SecurityFilterChain atalayaSecurity(HttpSecurity http, SecurityContextRepository contexts, CsrfTokenRepository csrfTokens,
                                        ApiTokens tokens, SignInThrottle throttle, AuditLog audit, SignedInUsers users,
                                        SignInSessions signInSessions, ProblemResponses problems,
                                        LogoutAudit logoutAudit) {
        http
                .securityContext(context -> context.securityContextRepository(contexts))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).ignoringRequestMatchers(BearerTokenFilter::carriesBearerToken))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frames -> frames.deny())
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/login/**", "/css/**", "/js/**", "/img/**", "/webjars/**",
                                "/favicon.ico", "/error", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAuthority(Permission.SYSTEM_MONITOR.name())
                        .requestMatchers("/actuator/**").denyAll()
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> notSignedIn(request, response, e, problems))
                        .accessDeniedHandler((request, response, e) -> refused(request, response, e, problems)))
                .logout(logout -> logout
                        .addLogoutHandler(logoutAudit)
                        .logoutSuccessUrl("/login?signedOut"))
                .addFilterAfter(new BearerTokenFilter(tokens, throttle, audit, problems), SecurityContextHolderFilter.class)
                .addFilterAfter(new SessionUserFilter(users, signInSessions, problems), BearerTokenFilter.class);
        return http.build();
    }

    private static void notSignedIn(HttpServletRequest request, HttpServletResponse response, AuthenticationException e,
                                    ProblemResponses problems) throws IOException {
        if (ProblemResponses.wantsJson(request)) {
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthenticated");
        } else if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", request.getContextPath() + "/login?expired");
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
        } else {
            boolean ended = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
            response.sendRedirect(request.getContextPath() + (ended ? "/login?expired" : "/login"));
        }
    }

    private static void refused(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e,
                                ProblemResponses problems) throws IOException {
        boolean csrf = e instanceof CsrfException;
        if (ProblemResponses.wantsJson(request)) {
            problems.write(request, response, HttpStatus.FORBIDDEN, csrf ? "problem.csrf" : "problem.forbidden");
        } else if (csrf && request.getRequestURI().startsWith(request.getContextPath() + "/login")) {
            response.sendRedirect(request.getContextPath() + "/login?expired");
        } else {
            response.sendError(HttpStatus.FORBIDDEN.value());
        }
    }
}

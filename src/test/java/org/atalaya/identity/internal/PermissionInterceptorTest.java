package org.atalaya.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.atalaya.access.Permission;
import org.atalaya.access.PublicEndpoint;
import org.atalaya.access.RequiresPermission;
import org.atalaya.audit.AuditEvent;
import org.atalaya.identity.EndpointPermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;

class PermissionInterceptorTest {

    @RequiresPermission(Permission.ALARM_VIEW)
    static class AlarmPages {
        void list() {
        }

        @RequiresPermission(Permission.ALARM_CONFIGURE)
        void configure() {
        }

        @PublicEndpoint(reason = "a test")
        void open() {
        }
    }

    static class Forgotten {
        void anything() {
        }
    }

    private final List<AuditEvent> audited = new ArrayList<>();
    private final PermissionInterceptor interceptor = new PermissionInterceptor(event -> {
        audited.add(event);
        return audited.size();
    });

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theMethodsDeclarationWinsOverItsClass() throws Exception {
        assertThat(EndpointPermissions.required(handler(new AlarmPages(), "list"))).containsExactly(Permission.ALARM_VIEW);
        assertThat(EndpointPermissions.required(handler(new AlarmPages(), "configure"))).containsExactly(Permission.ALARM_CONFIGURE);
        assertThat(EndpointPermissions.required(handler(new AlarmPages(), "open"))).isEmpty();
        assertThatThrownBy(() -> EndpointPermissions.required(handler(new Forgotten(), "anything")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aHandlerThatDeclaresNothingIsRefusedEvenToAUserWhoCanDoEverything() throws Exception {
        signIn(Set.of(Permission.values()));

        assertThatThrownBy(() -> interceptor.preHandle(request("/forgotten"), new MockHttpServletResponse(),
                handler(new Forgotten(), "anything"))).isInstanceOf(PermissionDenied.class);
        assertThat(audited).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo("access.denied");
            assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
            assertThat(event.target()).isEqualTo("/forgotten");
            assertThat(event.details()).containsEntry("needs", "(undeclared)");
        });
    }

    @Test
    void aUserPassesOnlyWithThePermission() throws Exception {
        signIn(Set.of(Permission.ALARM_VIEW));

        assertThat(interceptor.preHandle(request("/alarms"), new MockHttpServletResponse(), handler(new AlarmPages(), "list"))).isTrue();
        assertThatThrownBy(() -> interceptor.preHandle(request("/alarms/rules"), new MockHttpServletResponse(),
                handler(new AlarmPages(), "configure"))).isInstanceOf(PermissionDenied.class);
        assertThat(audited).singleElement().satisfies(event -> assertThat(event.details()).containsEntry("needs", "ALARM_CONFIGURE"));
    }

    @Test
    void aLongPathIsShortenedForTheAuditEntry() throws Exception {
        signIn(Set.of());
        String path = "/alarms/" + "a".repeat(3_000);

        assertThatThrownBy(() -> interceptor.preHandle(request(path), new MockHttpServletResponse(),
                handler(new AlarmPages(), "list"))).isInstanceOf(PermissionDenied.class);

        assertThat(audited).singleElement().satisfies(event -> {
            assertThat(event.target()).hasSize(201).startsWith("/alarms/aaa").endsWith("…");
            assertThat(event.details().get("path")).hasSize(2_001).startsWith("/alarms/aaa");
        });
    }

    @Test
    void nobodySignedInPassesOnlyPublicHandlers() throws Exception {
        assertThat(interceptor.preHandle(request("/open"), new MockHttpServletResponse(), handler(new AlarmPages(), "open"))).isTrue();
        assertThatThrownBy(() -> interceptor.preHandle(request("/alarms"), new MockHttpServletResponse(),
                handler(new AlarmPages(), "list"))).isInstanceOf(PermissionDenied.class);
    }

    private static void signIn(Set<Permission> permissions) {
        var principal = new AtalayaPrincipal(1, "tester", "Tester", permissions, Map.of());
        SecurityContextHolder.getContext().setAuthentication(
                new SignedInAuthentication(principal));
    }

    private static MockHttpServletRequest request(String path) {
        return new MockHttpServletRequest("GET", path);
    }

    private static HandlerMethod handler(Object bean, String method) throws NoSuchMethodException {
        return new HandlerMethod(bean, bean.getClass().getDeclaredMethod(method));
    }
}

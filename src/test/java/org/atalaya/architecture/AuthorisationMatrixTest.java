package org.atalaya.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.atalaya.access.Permission;
import org.atalaya.identity.EndpointPermissions;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.AtalayaTest;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every role against every endpoint the application serves, read from the running handler mappings: a role whose
 * permissions include the endpoint's gets past the permission check, every other role gets 403. A new endpoint is
 * in this matrix the moment it exists.
 */
@AtalayaTest
class AuthorisationMatrixTest {

    static final List<String> ROLES = List.of("admin", "supervisor", "operator", "call-taker", "dispatcher",
            "responder", "privacy-officer", "auditor");

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Autowired
    UserAccounts accounts;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param anyOf the permissions of which the endpoint needs any one; none for a public endpoint */
    record Endpoint(String method, String pathPattern, Set<Permission> anyOf) {
        String name() {
            return method + " " + pathPattern + (anyOf.isEmpty() ? " (public)"
                    : anyOf.stream().map(Permission::name).sorted().collect(Collectors.joining(" or ", " (", ")")));
        }
    }

    @TestFactory
    Stream<DynamicContainer> everyRoleAgainstEveryEndpoint() throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("endpoints found in the handler mappings").hasSizeGreaterThan(10);
        List<DynamicContainer> roles = new ArrayList<>();
        for (String role : ROLES) {
            String username = "matrix-" + role;
            accounts.create(username, "Matrix " + role, "matrix-password-" + role + "-long", Set.of(role));
            String token = accounts.issueToken(username, "authorisation matrix");
            Set<Permission> granted = permissionsOf(token);
            roles.add(DynamicContainer.dynamicContainer(role, endpoints.stream().map(endpoint ->
                    DynamicTest.dynamicTest(endpoint.name(), () -> check(endpoint, token, granted)))));
        }
        return roles.stream();
    }

    private void check(Endpoint endpoint, String token, Set<Permission> granted) throws Exception {
        int status = send(endpoint, token).statusCode();
        if (endpoint.anyOf().isEmpty()) {
            assertThat(status).as(endpoint.name() + " answered").isNotEqualTo(403);
        } else if (endpoint.anyOf().stream().anyMatch(granted::contains)) {
            assertThat(status).as(endpoint.name() + " answered").isNotIn(401, 403);
        } else {
            assertThat(status).as(endpoint.name() + " answered").isEqualTo(403);
        }
    }

    private List<Endpoint> endpoints() {
        Map<String, Endpoint> found = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlerMapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("org.atalaya")) continue;
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            Set<Permission> required = EndpointPermissions.required(handler);
            for (String pattern : entry.getKey().getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    var endpoint = new Endpoint(method.name(), pattern, required);
                    found.put(endpoint.name(), endpoint);
                }
            }
        }
        return found.values().stream().sorted(Comparator.comparing(Endpoint::pathPattern)).toList();
    }

    private HttpResponse<String> send(Endpoint endpoint, String token) throws IOException, InterruptedException {
        String path = PATH_VARIABLE.matcher(endpoint.pathPattern()).replaceAll(match -> placeholder(match.group(1)));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(endpoint.method(), endpoint.method().equals("GET") || endpoint.method().equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Values that name nothing that exists, so that no allowed request changes another test's data. */
    private static String placeholder(String variable) {
        String name = variable.toLowerCase();
        return name.endsWith("id") || name.endsWith("seq") || name.endsWith("number") ? "987654321" : "matrix-nobody";
    }

    private Set<Permission> permissionsOf(String token) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        var permissions = JsonMapper.builder().build().readTree(response.body()).path("permissions");
        return permissions.valueStream().map(node -> Permission.valueOf(node.asString())).collect(Collectors.toSet());
    }
}

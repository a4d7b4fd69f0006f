package org.atalaya.responder.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A responder's browser without script: signs in through the console's form, keeps its cookies, sends the CSRF token
 * of the last page it loaded and does not follow redirects, so tests see where they lead.
 */
final class ResponderSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_HEADER = Pattern.compile("name=\"_csrf_header\" content=\"([^\"]+)\"");

    private final String base;
    private final String language;
    private final HttpClient client;
    private String csrf;
    private String csrfHeader = "X-XSRF-TOKEN";

    ResponderSession(int port, String language) {
        this.base = "http://localhost:" + port;
        this.language = language;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    ResponderSession signIn(String username, String password) {
        get("/login");
        var answer = post("/login", "username", username, "password", password);
        if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("login")) {
            throw new AssertionError("could not sign in as " + username + ": " + answer.statusCode());
        }
        return this;
    }

    HttpResponse<String> get(String path) {
        return remember(send(request(path).GET()));
    }

    /** A console request as htmx makes it (the answer is a fragment of the page). */
    HttpResponse<String> htmxPost(String path, String... namesAndValues) {
        return remember(send(form(request(path).header("HX-Request", "true"), namesAndValues)));
    }

    /** Submits a form given as name, value, name, value... with the CSRF token of the last page loaded. */
    HttpResponse<String> post(String path, String... namesAndValues) {
        return remember(send(form(request(path), namesAndValues)));
    }

    /** Posts JSON as the page's script does, with the CSRF token in its header. */
    HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").header("Accept", "application/json")
                .header(csrfHeader, csrf == null ? "" : csrf).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").map(url -> url.replaceFirst("^https?://[^/]+", "")).orElse("");
    }

    private HttpRequest.Builder form(HttpRequest.Builder request, String... namesAndValues) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.add(encode(namesAndValues[i]) + "=" + encode(namesAndValues[i + 1]));
        }
        if (csrf != null) fields.add("_csrf=" + encode(csrf));
        return request.header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields.stream().collect(Collectors.joining("&"))));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language)
                .header("Accept", "text/html,*/*;q=0.8");
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        var matcher = CSRF_FIELD.matcher(response.body());
        if (matcher.find()) csrf = matcher.group(1);
        var header = CSRF_HEADER.matcher(response.body());
        if (header.find()) csrfHeader = header.group(1);
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

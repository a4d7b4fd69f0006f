package org.atalaya.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that behaves like a browser submitting the console's forms: it takes the CSRF token
 * from the last page it loaded and does not follow redirects, so tests see where they lead.
 */
final class FormClient {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String csrf;

    FormClient(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(String path) {
        return remember(send(HttpRequest.newBuilder(URI.create(base + path)).GET()));
    }

    /** Submits a form with the CSRF token of the last page loaded. */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        var form = new LinkedHashMap<>(fields);
        if (csrf != null) form.putIfAbsent("_csrf", csrf);
        return postRaw(path, form);
    }

    /** Submits a form given as name, value, name, value...; names may repeat, as with check boxes. */
    HttpResponse<String> post(String path, String... namesAndValues) {
        var fields = new ArrayList<Map.Entry<String, String>>();
        for (int i = 0; i < namesAndValues.length; i += 2) fields.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
        if (csrf != null) fields.add(Map.entry("_csrf", csrf));
        return send(path, fields);
    }

    /** Submits a form exactly as given: no CSRF token is added. */
    HttpResponse<String> postRaw(String path, Map<String, String> fields) {
        return send(path, List.copyOf(fields.entrySet()));
    }

    private HttpResponse<String> send(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return remember(send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    /** The text of the element with the given id on a page, e.g. a one-time password or a key. */
    static String textOf(HttpResponse<String> page, String id) {
        var matcher = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(page.body());
        if (!matcher.find()) throw new AssertionError("no element #" + id + " on the page:\n" + page.body());
        return matcher.group(1).strip();
    }

    /** Signs in with a password only; returns the response to the password step. */
    HttpResponse<String> signIn(String username, String password) {
        get("/login");
        return post("/login", Map.of("username", username, "password", password));
    }

    Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("ATALAYA_SESSION")).map(HttpCookie::getValue).findFirst();
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").map(url -> url.replaceFirst("^https?://[^/]+", "")).orElse("");
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        var matcher = CSRF_FIELD.matcher(response.body());
        if (matcher.find()) csrf = matcher.group(1);
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.header("Accept-Language", "en").header("Accept", "text/html,*/*;q=0.8").build(),
                    HttpResponse.BodyHandlers.ofString());
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

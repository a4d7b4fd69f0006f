package org.atalaya.test;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A client of a server-sent event stream, reading on a thread of its own so that a test never waits unbounded. */
public final class EventStreamReader implements AutoCloseable {

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    /** Every line read so far, in order. */
    private final List<String> seen = new ArrayList<>();
    private final Thread reader;

    public EventStreamReader(int port, String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).GET().build();
        response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        reader = Thread.ofVirtual().start(() -> {
            try (var in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) lines.add(line);
            } catch (IOException closed) {
                // the test closed the stream
            }
        });
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** Reads until a line matches and returns it; fails when none arrives in time. */
    public String until(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) fail("No matching line in %s; read: %s", timeout, seen);
            seen.add(line);
            if (wanted.test(line)) return line;
        }
    }

    /** The line read just before the given one, or null. */
    public String previous(String line) {
        int at = seen.lastIndexOf(line);
        return at > 0 ? seen.get(at - 1) : null;
    }

    /** The lines read so far. */
    public List<String> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() throws IOException {
        response.body().close();
        reader.interrupt();
    }
}

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dispatch benchmark's load: creates the fleet over the REST API, sends OsmAnd positions as the Traccar Client
 * does, opens incidents and asks for their recommended units, and prints what it measured.
 *
 * <pre>java DispatchLoad.java BASE_URL ADMIN_TOKEN DISPATCHER_TOKEN UNITS PACED_RATE PACED_SECONDS BURST_POSITIONS
 *     INCIDENTS CONCURRENCY</pre>
 *
 * Phases: (1) the fleet: four agencies, UNITS units of the usual types and one device each ({@code bench-N});
 * (2) paced ingest: PACED_RATE positions a second for PACED_SECONDS, each unit in turn, while INCIDENTS incidents are
 * opened and each one's recommendation is asked for (figures prefixed {@code busy_}: latency measured by the client,
 * and the ranking alone as the server reports it in its {@code Server-Timing} header); (3) INCIDENTS more, with every
 * unit's position fresh but no positions streaming; (4) sustained ingest: BURST_POSITIONS positions as fast as
 * CONCURRENCY connections carry them. Every position must be answered 200; the script then counts the stored rows.
 * Prints {@code key=value} lines; the script composes the RESULT line.
 */
public class DispatchLoad {

    private static final double CENTRE_LAT = -24.186;
    private static final double CENTRE_LON = -65.299;
    /** About 25 km across: the city and the towns around it. */
    private static final double SPREAD_DEG = 0.12;
    private static final String[][] FLEET_MIX = {
            {"POLICE", "patrol"}, {"POLICE", "patrol"}, {"POLICE", "motorcycle"}, {"EMS", "ambulance"},
            {"FIRE", "engine"}, {"FIRE", "rescue"}, {"CIVIL_DEFENCE", "civil-defence"}};
    private static final String[] INCIDENT_TYPES = {
            "TRAFFIC_COLLISION", "MEDICAL_EMERGENCY", "FIRE_STRUCTURE", "ROBBERY", "DISTURBANCE", "RESCUE"};
    private static final int MOST_IN_FLIGHT = 256;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern UNIT_ID = Pattern.compile("\"unitId\"\\s*:\\s*\\d+");
    private static final Pattern RANK_TIMING = Pattern.compile("rank;dur=([0-9.]+)");

    private final String base;
    private final String adminToken;
    private final String dispatcherToken;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Random random = new Random(20261129);

    private DispatchLoad(String base, String adminToken, String dispatcherToken) {
        this.base = base;
        this.adminToken = adminToken;
        this.dispatcherToken = dispatcherToken;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 9) {
            System.err.println("usage: DispatchLoad BASE_URL ADMIN_TOKEN DISPATCHER_TOKEN UNITS PACED_RATE"
                    + " PACED_SECONDS BURST_POSITIONS INCIDENTS CONCURRENCY");
            System.exit(2);
        }
        DispatchLoad load = new DispatchLoad(args[0], args[1], args[2]);
        int units = Integer.parseInt(args[3]);
        int pacedRate = Integer.parseInt(args[4]);
        int pacedSeconds = Integer.parseInt(args[5]);
        int burst = Integer.parseInt(args[6]);
        int incidents = Integer.parseInt(args[7]);
        int concurrency = Integer.parseInt(args[8]);

        long started = System.nanoTime();
        load.createFleet(units, concurrency);
        print("fleet_seconds", seconds(System.nanoTime() - started));

        Positions positions = new Positions(units);
        Thread ranking = Thread.ofPlatform().start(() -> {
            positions.awaitEveryUnitSent();
            load.rankIncidents(incidents, "busy_");
        });
        Ingest paced = load.ingestPaced(positions, pacedRate, pacedSeconds);
        ranking.join();
        paced.print("paced");
        load.rankIncidents(incidents, "");
        Ingest sustained = load.ingestFlatOut(positions, burst, concurrency);
        sustained.print("sustained");
        print("positions_sent", paced.sent() + sustained.sent());
        print("positions_refused", paced.refused.get() + sustained.refused.get());
    }

    // ---- the fleet -------------------------------------------------------------------------------------------------

    private void createFleet(int units, int concurrency) throws Exception {
        List<String> kinds = List.of("POLICE", "FIRE", "EMS", "CIVIL_DEFENCE");
        long[] agencyIds = new long[kinds.size()];
        for (int i = 0; i < kinds.size(); i++) {
            String body = "{\"name\":\"Bench " + kinds.get(i) + "\",\"kind\":\"" + kinds.get(i) + "\"}";
            agencyIds[i] = id(post("/api/v1/agencies", adminToken, body, 201));
        }
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore slots = new Semaphore(concurrency);
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            for (int n = 0; n < units; n++) {
                int number = n;
                slots.acquire();
                executor.submit(() -> {
                    try {
                        String[] mix = FLEET_MIX[number % FLEET_MIX.length];
                        long agency = agencyIds[kinds.indexOf(mix[0])];
                        String unit = "{\"callSign\":\"BX-" + number + "\",\"agencyId\":" + agency
                                + ",\"unitType\":\"" + mix[1] + "\",\"capabilities\":[],\"crew\":[\"Bench crew\"]}";
                        long unitId = id(post("/api/v1/units", adminToken, unit, 201));
                        post("/api/v1/units/" + unitId + "/devices", adminToken,
                                "{\"deviceId\":\"bench-" + number + "\"}", 201);
                    } catch (Exception e) {
                        failures.add(e.getMessage());
                    } finally {
                        slots.release();
                    }
                });
            }
            executor.shutdown();
            executor.awaitTermination(1, TimeUnit.HOURS);
            if (!failures.isEmpty()) {
                throw new IllegalStateException(failures.size() + " units not created, e.g. " + failures.peek());
            }
        }
    }

    // ---- positions -------------------------------------------------------------------------------------------------

    /** Each unit wanders from a random start; positions go to the units in turn, one fix a second of device time. */
    private static final class Positions {
        private final double[] latitude;
        private final double[] longitude;
        private final AtomicLong next = new AtomicLong();
        private final long epochSecond = Instant.now().getEpochSecond();
        private final int units;

        Positions(int units) {
            this.units = units;
            Random random = new Random(7);
            latitude = new double[units];
            longitude = new double[units];
            for (int i = 0; i < units; i++) {
                latitude[i] = CENTRE_LAT + (random.nextDouble() - 0.5) * SPREAD_DEG;
                longitude[i] = CENTRE_LON + (random.nextDouble() - 0.5) * SPREAD_DEG;
            }
        }

        /** Waits until every unit has been sent a position, so that every unit can be recommended. */
        void awaitEveryUnitSent() {
            try {
                while (next.get() < units) Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The query of the next position, as the Android Traccar Client sends it. */
        String nextQuery() {
            long sequence = next.getAndIncrement();
            int unit = (int) (sequence % units);
            long round = sequence / units;
            double lat = latitude[unit] + 0.0001 * Math.sin(round + unit);
            double lon = longitude[unit] + 0.0001 * Math.cos(round + unit);
            // a fix time of its own per round, never in the future: the sequence sets it, not the wall clock
            long timestamp = Math.min(epochSecond + round, Instant.now().getEpochSecond());
            return String.format(Locale.ROOT, "id=bench-%d&timestamp=%d&lat=%.6f&lon=%.6f&speed=%.1f&bearing=%d"
                    + "&altitude=1250&accuracy=8&batt=80", unit, timestamp, lat, lon, 10.0 + round % 20, round % 360);
        }
    }

    private record Ingest(long started, long ended, AtomicLong accepted, AtomicLong refused, long[] latencies,
                          int count) {
        long sent() {
            return accepted.get() + refused.get();
        }

        void print(String phase) {
            double elapsed = (ended - started) / 1e9;
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            DispatchLoad.print(phase + "_positions", sent());
            DispatchLoad.print(phase + "_seconds", String.format(Locale.ROOT, "%.1f", elapsed));
            DispatchLoad.print(phase + "_per_s", String.format(Locale.ROOT, "%.0f", accepted.get() / elapsed));
            DispatchLoad.print(phase + "_reply_p50_ms", millis(percentile(sorted, 50)));
            DispatchLoad.print(phase + "_reply_p99_ms", millis(percentile(sorted, 99)));
        }
    }

    /**
     * Open loop: a position every 1/rate seconds, whatever the replies do (a slow server shows as latency), with at
     * most {@link #MOST_IN_FLIGHT} waiting for their answer (as many devices, each waiting for its own): when the
     * server falls behind further, sending falls behind too and the rate achieved shows it.
     */
    private Ingest ingestPaced(Positions positions, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        Semaphore inFlight = new Semaphore(MOST_IN_FLIGHT);
        long started = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = started + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                int slot = i;
                String query = positions.nextQuery();
                inFlight.acquire();
                executor.submit(() -> {
                    try {
                        send(query, latencies, slot, accepted, refused);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        return new Ingest(started, System.nanoTime(), accepted, refused, latencies, total);
    }

    /** Closed loop: CONCURRENCY senders, each sending its next position when the last one was answered. */
    private Ingest ingestFlatOut(Positions positions, int total, int concurrency) throws Exception {
        long[] latencies = new long[total];
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong taken = new AtomicLong();
        long started = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < concurrency; c++) {
                executor.submit(() -> {
                    for (long slot = taken.getAndIncrement(); slot < total; slot = taken.getAndIncrement()) {
                        send(positions.nextQuery(), latencies, (int) slot, accepted, refused);
                    }
                });
            }
        }
        return new Ingest(started, System.nanoTime(), accepted, refused, latencies, total);
    }

    private void send(String query, long[] latencies, int slot, AtomicLong accepted, AtomicLong refused) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/osmand?" + query))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build();
        long begun = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            latencies[slot] = System.nanoTime() - begun;
            if (response.statusCode() == 200) {
                accepted.incrementAndGet();
            } else {
                refused.incrementAndGet();
                System.err.println("position refused: " + response.statusCode() + " " + response.body());
            }
        } catch (Exception e) {
            latencies[slot] = System.nanoTime() - begun;
            refused.incrementAndGet();
            System.err.println("position not delivered: " + e);
        }
    }

    // ---- ranking ---------------------------------------------------------------------------------------------------

    /** Opens {@code count} incidents one after another and asks for each one's recommended units. */
    private void rankIncidents(int count, String prefix) {
        try {
            long[] roundTrips = new long[count];
            double[] rankings = new double[count];
            int ranked = 0;
            long suggested = 0;
            for (int i = 0; i < count; i++) {
                String type = INCIDENT_TYPES[i % INCIDENT_TYPES.length];
                double lat = CENTRE_LAT + (random.nextDouble() - 0.5) * SPREAD_DEG;
                double lon = CENTRE_LON + (random.nextDouble() - 0.5) * SPREAD_DEG;
                String body = String.format(Locale.ROOT, "{\"typeCode\":\"%s\",\"latitude\":%.6f,\"longitude\":%.6f,"
                        + "\"summary\":\"Bench incident %d\"}", type, lat, lon, i);
                long incident = id(post("/api/v1/incidents", dispatcherToken, body, 201));
                HttpRequest request = HttpRequest.newBuilder(
                                URI.create(base + "/api/v1/incidents/" + incident + "/recommendations"))
                        .header("Authorization", "Bearer " + dispatcherToken).GET().build();
                long begun = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                roundTrips[i] = System.nanoTime() - begun;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("recommendations: " + response.statusCode() + " "
                            + response.body());
                }
                suggested += UNIT_ID.matcher(response.body()).results().count();
                Matcher timing = RANK_TIMING.matcher(response.headers().firstValue("Server-Timing").orElse(""));
                if (timing.find()) rankings[ranked++] = Double.parseDouble(timing.group(1));
            }
            Arrays.sort(roundTrips);
            double[] sortedRankings = Arrays.copyOf(rankings, ranked);
            Arrays.sort(sortedRankings);
            print(prefix + "incidents", count);
            print(prefix + "units_suggested_per_incident", String.format(Locale.ROOT, "%.1f", suggested / (double) count));
            print(prefix + "recommend_round_trip_p50_ms", millis(percentile(roundTrips, 50)));
            print(prefix + "recommend_round_trip_p99_ms", millis(percentile(roundTrips, 99)));
            print(prefix + "rank_timed", ranked);
            if (ranked > 0) {
                print(prefix + "rank_p50_ms", String.format(Locale.ROOT, "%.3f", percentile(sortedRankings, 50)));
                print(prefix + "rank_p99_ms", String.format(Locale.ROOT, "%.3f", percentile(sortedRankings, 99)));
            }
        } catch (Exception e) {
            System.err.println("ranking failed: " + e.getMessage());
            print(prefix + "rank_failed", 1);
        }
    }

    // ---- HTTP and figures ------------------------------------------------------------------------------------------

    private String post(String path, String token, String json, int expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static long id(String json) {
        Matcher matcher = ID.matcher(json);
        if (!matcher.find()) throw new IllegalStateException("no id in " + json);
        return Long.parseLong(matcher.group(1));
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) return 0;
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) return 0;
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    private static void print(String key, Object value) {
        System.out.println(key + "=" + value);
    }
}

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many viewers of one camera's live stream: N WebSockets to {@code /api/v1/cameras/{id}/live/stream}, each reading
 * and discarding what arrives, as a browser that keeps up would.
 *
 * <pre>
 * java Viewers.java ws://localhost:PORT/api/v1/cameras/ID/live/stream?stream=main VIEWERS SECONDS
 * </pre>
 * The API token comes from the environment variable BENCH_TOKEN. Prints {@code CONNECTED N} once every viewer has
 * received video, keeps them for SECONDS more, then prints
 * {@code VIEWERS connected=N closed_early=C min_kbit_s=A max_kbit_s=B messages=M} (the slowest and the fastest
 * viewer's rate, all viewers' messages over those SECONDS) and ends.
 */
public final class Viewers {

    public static void main(String[] args) throws Exception {
        URI stream = URI.create(args[0]);
        int count = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String token = System.getenv("BENCH_TOKEN");
        if (token == null) throw new IllegalArgumentException("BENCH_TOKEN is not set");

        HttpClient client = HttpClient.newHttpClient();
        CountDownLatch receiving = new CountDownLatch(count);
        List<Viewer> viewers = new ArrayList<>();
        List<CompletableFuture<WebSocket>> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Viewer viewer = new Viewer(receiving);
            viewers.add(viewer);
            sockets.add(client.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .connectTimeout(Duration.ofSeconds(30)).buildAsync(stream, viewer));
        }
        for (CompletableFuture<WebSocket> socket : sockets) socket.get(60, TimeUnit.SECONDS);
        if (!receiving.await(60, TimeUnit.SECONDS)) {
            System.err.printf("only %d of %d viewers received video within 60 s%n", count - receiving.getCount(), count);
            System.exit(1);
        }
        System.out.println("CONNECTED " + count);
        long[] bytesBefore = viewers.stream().mapToLong(viewer -> viewer.bytes.get()).toArray();
        long messagesBefore = viewers.stream().mapToLong(viewer -> viewer.messages.get()).sum();
        Thread.sleep(seconds * 1000L);
        long minBytes = Long.MAX_VALUE, maxBytes = 0, messages = -messagesBefore;
        for (int i = 0; i < count; i++) {
            long bytes = viewers.get(i).bytes.get() - bytesBefore[i];
            minBytes = Math.min(minBytes, bytes);
            maxBytes = Math.max(maxBytes, bytes);
            messages += viewers.get(i).messages.get();
        }
        long closedEarly = viewers.stream().filter(viewer -> viewer.closed.get()).count();
        System.out.printf("VIEWERS connected=%d closed_early=%d min_kbit_s=%d max_kbit_s=%d messages=%d%n", count,
                closedEarly, minBytes * 8 / 1000 / seconds, maxBytes * 8 / 1000 / seconds, messages);
        for (CompletableFuture<WebSocket> socket : sockets) socket.get().abort();
        System.exit(0);
    }

    /** Counts what arrives and asks for more at once. */
    private static final class Viewer implements WebSocket.Listener {
        private final CountDownLatch receiving;
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong messages = new AtomicLong();
        final AtomicBoolean closed = new AtomicBoolean();
        private boolean counted;

        Viewer(CountDownLatch receiving) {
            this.receiving = receiving;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            bytes.addAndGet(data.remaining());
            if (last) messages.incrementAndGet();
            if (!counted) {
                counted = true;
                receiving.countDown();
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.set(true);
            System.err.printf("a viewer was closed: %d %s%n", statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.set(true);
            System.err.println("a viewer failed: " + error);
        }
    }
}

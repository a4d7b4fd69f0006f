package org.atalaya.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A live viewer outside the browser: a WebSocket on a camera's live stream, signed in with an API token, that keeps
 * the text messages and the first four bytes of each binary message (a test's made-up fragments carry their number
 * there). One that does not keep reading stops after its first message, as a stalled viewer would.
 */
public final class LiveViewer implements WebSocket.Listener {

    private final List<String> texts = new CopyOnWriteArrayList<>();
    private final List<Integer> binaryHeads = new CopyOnWriteArrayList<>();
    private final boolean keepsReading;
    private boolean withinMessage;
    private WebSocket socket;

    private LiveViewer(boolean keepsReading) {
        this.keepsReading = keepsReading;
    }

    /**
     * Opens the live stream of a camera.
     *
     * @param stream       {@code main} or {@code sub}
     * @param keepsReading false for a viewer that stalls after its first message
     * @throws java.util.concurrent.CompletionException with a {@link java.net.http.WebSocketHandshakeException}
     *                                                  when the server refuses
     */
    public static LiveViewer open(int port, String token, long cameraId, String stream, boolean keepsReading) {
        var viewer = new LiveViewer(keepsReading);
        viewer.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .buildAsync(URI.create("ws://localhost:" + port + "/api/v1/cameras/" + cameraId
                        + "/live/stream?stream=" + stream), viewer)
                .join();
        return viewer;
    }

    public static LiveViewer open(int port, String token, long cameraId) {
        return open(port, token, cameraId, "main", true);
    }

    public List<String> texts() {
        return texts;
    }

    /** The first four bytes of each whole binary message received, as a big-endian number. */
    public List<Integer> binaryHeads() {
        return binaryHeads;
    }

    public int binaryMessages() {
        return binaryHeads.size();
    }

    /** Closes the socket as a browser leaving the page does. */
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    /** Drops the connection without a closing handshake. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        texts.add(data.toString());
        if (keepsReading) webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        if (!withinMessage) binaryHeads.add(data.remaining() >= 4 ? data.getInt(data.position()) : -1);
        withinMessage = !last;
        if (keepsReading) webSocket.request(1);
        return null;
    }
}

package org.atalaya.live.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

import org.atalaya.media.Mp4Fragment;
import org.atalaya.media.Mp4InitSegment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live viewer: a bounded backlog of messages and a virtual thread that sends them. Offering never blocks, so the
 * thread reading the camera is never held up by a viewer: when more video waits than the backlog allows, the waiting
 * fragments are dropped and the viewer resumes at the next keyframe; a viewer that skips too often is let go.
 */
final class Viewer {

    /** WebSocket close code for a viewer that could not keep up (4000-4999 are the application's own). */
    static final int TOO_SLOW = 4008;
    private static final Logger LOG = LoggerFactory.getLogger(Viewer.class);
    private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

    private sealed interface Message {
    }

    private record Text(String text) implements Message {
    }

    private record Video(Mp4Fragment fragment) implements Message {
    }

    private record Init(Mp4InitSegment init) implements Message {
    }

    private final ViewerConnection connection;
    private final long backlogNanos;
    private final int maxSkips;
    private final LongSupplier nanoTime;
    private final Deque<Message> waiting = new ArrayDeque<>();
    private final Deque<Long> skipTimes = new ArrayDeque<>();
    private long waitingVideoNanos;
    /** Extra room for the video a viewer joins with (from the last keyframe to now), until the first skip. */
    private long joinAllowanceNanos;
    private boolean needsKeyframe = true;
    private boolean closed;

    Viewer(ViewerConnection connection, Duration backlog, int maxSkips, LongSupplier nanoTime) {
        this.connection = connection;
        this.backlogNanos = backlog.toNanos();
        this.maxSkips = maxSkips;
        this.nanoTime = nanoTime;
    }

    /** Starts the sending thread. */
    void start(String name) {
        Thread.ofVirtual().name(name).start(this::sendUntilClosed);
    }

    synchronized void offerText(String text) {
        enqueue(new Text(text));
    }

    /** A new stream: what waits of the old one is dropped, and the video resumes at the stream's first keyframe. */
    synchronized void offerInit(String streamDescription, Mp4InitSegment init) {
        waiting.removeIf(message -> !(message instanceof Text));
        waitingVideoNanos = 0;
        needsKeyframe = true;
        enqueue(new Text(streamDescription));
        enqueue(new Init(init));
    }

    /** Video a viewer joins with: sent whatever its length (the backlog counts on top of it). */
    synchronized void offerJoiningVideo(Mp4Fragment fragment) {
        joinAllowanceNanos += fragment.length().toNanos();
        offerFragment(fragment);
    }

    synchronized void offerFragment(Mp4Fragment fragment) {
        if (closed) return;
        if (needsKeyframe) {
            if (!fragment.startsWithKeyframe()) return;
            needsKeyframe = false;
        }
        long length = fragment.length().toNanos();
        if (waitingVideoNanos + length > backlogNanos + joinAllowanceNanos) {
            skipAhead();
            if (closed || !fragment.startsWithKeyframe()) {
                needsKeyframe = !closed;
                return;
            }
            needsKeyframe = false;
        }
        waitingVideoNanos += length;
        enqueue(new Video(fragment));
    }

    /** Stops sending and closes the connection; what still waits is dropped. */
    synchronized void close(int code, String reason) {
        if (closed) return;
        closed = true;
        waiting.clear();
        notifyAll();
        // closing may wait on a send in progress: never on the caller's (the camera reader's) thread
        Thread.ofVirtual().start(() -> connection.close(code, reason));
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private void skipAhead() {
        waiting.removeIf(message -> message instanceof Video);
        waitingVideoNanos = 0;
        joinAllowanceNanos = 0;
        long now = nanoTime.getAsLong();
        skipTimes.addLast(now);
        while (!skipTimes.isEmpty() && now - skipTimes.peekFirst() > MINUTE_NANOS) skipTimes.removeFirst();
        if (skipTimes.size() >= maxSkips) close(TOO_SLOW, "too slow to keep up with live video");
    }

    private void enqueue(Message message) {
        if (closed) return;
        waiting.addLast(message);
        notifyAll();
    }

    private synchronized Message next() throws InterruptedException {
        while (waiting.isEmpty() && !closed) wait();
        if (closed) return null;
        Message message = waiting.removeFirst();
        if (message instanceof Video video) waitingVideoNanos -= video.fragment().length().toNanos();
        return message;
    }

    private void sendUntilClosed() {
        try {
            for (Message message = next(); message != null; message = next()) {
                switch (message) {
                    case Text text -> connection.sendText(text.text());
                    case Init init -> connection.sendBinary(init.init().content());
                    case Video video -> connection.sendBinary(video.fragment().content());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.debug("A live viewer's connection failed: {}", e.getMessage());
            close(1011, "connection failed");
        }
    }
}

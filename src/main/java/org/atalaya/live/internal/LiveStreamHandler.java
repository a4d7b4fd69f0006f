package org.atalaya.live.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.camera.CameraStatus;
import org.atalaya.camera.CameraStatuses;
import org.atalaya.live.LiveProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * The live WebSocket: once {@link LiveHandshake} let it open, the viewer joins the camera's stream (init segment and
 * the video since the last keyframe first) and is audited at the start and at the end of the view.
 */
@Component
@RequiresPermission(Permission.LIVE_VIEW)
class LiveStreamHandler extends AbstractWebSocketHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LiveStreamHandler.class);
    private static final String VIEWER = Viewer.class.getName();
    private static final String STARTED = "live.started";
    static final String DISABLED = "the camera is disabled";

    private final LiveHub hub;
    private final OnDemandFeeds onDemand;
    private final LiveAccess access;
    private final LiveProperties properties;
    private final CameraStatuses statuses;
    private final Clock clock;

    LiveStreamHandler(LiveHub hub, OnDemandFeeds onDemand, LiveAccess access, LiveProperties properties,
                      CameraStatuses statuses, Clock clock) {
        this.hub = hub;
        this.statuses = statuses;
        this.onDemand = onDemand;
        this.access = access;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        LiveHandshake.Viewing viewing = LiveHandshake.viewing(session.getAttributes());
        try {
            access.viewStarted(viewing.username(), viewing.camera(), viewing.kind());
        } catch (RuntimeException e) {
            LOG.error("Live view of camera {} refused: its audit entry could not be written: {}",
                    viewing.camera().id(), e.getMessage());
            session.close(CloseStatus.SERVER_ERROR.withReason("the view could not be audited"));
            return;
        }
        session.getAttributes().put(STARTED, clock.instant());
        var viewer = new Viewer(new SessionConnection(session), properties.viewerBacklog(), properties.maxSkips(),
                System::nanoTime);
        session.getAttributes().put(VIEWER, viewer);
        viewer.start("live-" + viewing.camera().id() + "-" + session.getId());
        if (viewing.kind() == LiveStreamKind.MAIN) {
            // what the recorder last reported, for a viewer who joins before the next change
            statuses.latest(viewing.camera().id()).ifPresent(latest -> hub.statusUnlessKnown(viewing.feed(),
                    LiveMessages.status(latest.status(), latest.problem())));
        }
        hub.join(viewing.feed(), viewer);
        if (viewing.camera().enabled()) {
            onDemand.viewerJoined(viewing.feed());
        } else {
            viewer.offerText(LiveMessages.status(CameraStatus.IDLE, DISABLED));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        LiveHandshake.Viewing viewing = LiveHandshake.viewing(session.getAttributes());
        Viewer viewer = (Viewer) session.getAttributes().get(VIEWER);
        if (viewer == null) return;
        viewer.close(status.getCode(), "closed");
        hub.leave(viewing.feed(), viewer);
        onDemand.viewerLeft(viewing.feed());
        Instant started = (Instant) session.getAttributes().get(STARTED);
        try {
            access.viewEnded(viewing.username(), viewing.camera(), viewing.kind(),
                    Duration.between(started, clock.instant()));
        } catch (RuntimeException e) {
            LOG.error("The end of a live view of camera {} by {} could not be audited: {}", viewing.camera().id(),
                    viewing.username(), e.getMessage());
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) throws IOException {
        LOG.debug("Live viewer connection failed: {}", exception.getMessage());
        if (session.isOpen()) session.close(CloseStatus.SERVER_ERROR);
    }

    /** A WebSocket session as the viewer's sending thread uses it. */
    private record SessionConnection(WebSocketSession session) implements ViewerConnection {

        @Override
        public void sendText(String text) throws IOException {
            session.sendMessage(new TextMessage(text));
        }

        @Override
        public void sendBinary(ByteBuffer content) throws IOException {
            session.sendMessage(new BinaryMessage(content));
        }

        @Override
        public void close(int code, String reason) {
            try {
                session.close(new CloseStatus(code, reason));
            } catch (IOException e) {
                LOG.debug("Closing a live viewer's connection failed: {}", e.getMessage());
            }
        }
    }
}

package org.atalaya.live.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.atalaya.access.CurrentUser;
import org.atalaya.access.SignedInUser;
import org.atalaya.camera.RegisteredCamera;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Decides before the WebSocket opens whether the signed-in user may watch the camera live: refused requests get 404
 * or 403 and no socket. What was decided travels to {@link LiveStreamHandler} in the session's attributes.
 */
@Component
class LiveHandshake implements HandshakeInterceptor {

    static final String PATH = "/api/v1/cameras/*/live/stream";
    private static final Pattern CAMERA_IN_PATH = Pattern.compile("^/api/v1/cameras/(\\d{1,18})/live/stream$");

    record Viewing(String username, RegisteredCamera camera, LiveStreamKind kind) {
        LiveHub.FeedKey feed() {
            return new LiveHub.FeedKey(camera.id(), kind);
        }
    }

    private static final String VIEWING = Viewing.class.getName();

    private final LiveAccess access;

    LiveHandshake(LiveAccess access) {
        this.access = access;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        Matcher path = CAMERA_IN_PATH.matcher(request.getURI().getPath());
        SignedInUser user = CurrentUser.get().orElse(null);
        if (!path.matches() || user == null) {
            response.setStatusCode(HttpStatus.NOT_FOUND);
            return false;
        }
        try {
            RegisteredCamera camera = access.camera(user, Long.parseLong(path.group(1)));
            String asked = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("stream");
            attributes.put(VIEWING, new Viewing(user.username(), camera, kind(asked, camera)));
            return true;
        } catch (LiveProblem refused) {
            response.setStatusCode(refused.getStatusCode());
            return false;
        }
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception failure) {
    }

    static Viewing viewing(Map<String, Object> attributes) {
        return (Viewing) attributes.get(VIEWING);
    }

    /** The sub-stream when asked for and the camera has one; the main stream otherwise. */
    static LiveStreamKind kind(String asked, RegisteredCamera camera) {
        return "sub".equals(asked) && camera.hasSubStream() ? LiveStreamKind.SUB : LiveStreamKind.MAIN;
    }
}

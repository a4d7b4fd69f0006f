package org.atalaya.live.internal;

import org.atalaya.live.LiveProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** Serves the live WebSocket; only pages of this server's own origin may open it (the default). */
@Configuration
@EnableWebSocket
@EnableConfigurationProperties(LiveProperties.class)
class LiveWebSocketConfiguration implements WebSocketConfigurer {

    private final LiveStreamHandler handler;
    private final LiveHandshake handshake;

    LiveWebSocketConfiguration(LiveStreamHandler handler, LiveHandshake handshake) {
        this.handler = handler;
        this.handshake = handshake;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, LiveHandshake.PATH).addInterceptors(handshake);
    }
}

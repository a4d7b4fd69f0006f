package org.atalaya.live.internal;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Where one viewer's messages go (a WebSocket session in the product). Sends may block; only one thread sends. */
interface ViewerConnection {

    void sendText(String text) throws IOException;

    void sendBinary(ByteBuffer content) throws IOException;

    /** Ends the connection with a WebSocket close code and a short reason; never blocks for long. */
    void close(int code, String reason);
}

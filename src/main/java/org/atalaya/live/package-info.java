/**
 * Live video: each camera's stream, as the recorder's one connection delivers it, sent to every viewer over a
 * WebSocket (the init segment, then fragments) for the console's Media Source Extensions player. A viewer joins at
 * the latest keyframe; each has a bounded backlog, so a slow viewer skips ahead or is let go and never holds up the
 * recorder or the others. Each live view is audited (who, camera, how long).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live video")
package org.atalaya.live;

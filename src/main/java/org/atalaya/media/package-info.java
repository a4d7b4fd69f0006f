/**
 * Video from cameras: the ffmpeg and ffprobe executables, child processes that stop cleanly, their supervision
 * (watchdog, restarts with growing delays, status in plain words), and the reader that splits ffmpeg's fragmented
 * MP4 output into an init segment and fragments.
 *
 * <p>Credentials never go on a command line, where any local user can read them: the camera module hands ffmpeg
 * the RTSP URL with its password through a concat list in a file only the server can read (ADR 16). Error lines
 * kept from ffmpeg have passwords in URLs replaced by {@code ***}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Media")
package org.atalaya.media;

package org.atalaya.playback.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;

import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.camera.RegisteredCamera;
import org.atalaya.media.MediaProperties;
import org.atalaya.playback.PlaybackProperties;
import org.atalaya.recording.RecordedSegment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recorded video over the API (and for the console's player, which calls it with the session): the list of what
 * was recorded, a stream to play from any instant (its first frame's time in the {@value #STREAM_START} header),
 * pictures of keyframes for the timeline, and clips to download. Video is written straight to the response
 * on the request's own thread, so a long stream is not cut by an asynchronous request timeout.
 */
@RestController
class PlaybackApiController {

    static final String PLAYBACK = "recording.playback";
    static final String CLIP = "recording.clip";
    /** The wall-clock instant of the first frame of a playback stream; the player's time 0 is this instant. */
    static final String STREAM_START = "Atalaya-Stream-Start";
    /** The wall-clock instant of the keyframe a thumbnail pictures. */
    static final String KEYFRAME = "Atalaya-Keyframe";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private static final Logger log = LoggerFactory.getLogger(PlaybackApiController.class);

    private final PlaybackAccess access;
    private final RecordingTimeline timeline;
    private final ClipExporter clips;
    private final Thumbnails thumbnails;
    private final ThumbnailAudit thumbnailAudit;
    private final PlaybackProperties properties;
    private final MediaProperties media;
    private final Clock clock;

    PlaybackApiController(PlaybackAccess access, RecordingTimeline timeline, ClipExporter clips, Thumbnails thumbnails,
                          ThumbnailAudit thumbnailAudit, PlaybackProperties properties, MediaProperties media,
                          Clock clock) {
        this.access = access;
        this.timeline = timeline;
        this.clips = clips;
        this.thumbnails = thumbnails;
        this.thumbnailAudit = thumbnailAudit;
        this.properties = properties;
        this.media = media;
        this.clock = clock;
    }

    @GetMapping("/api/v1/cameras/{id}/recordings")
    @RequiresPermission(Permission.PLAYBACK_VIEW)
    RecordingsView recordings(@PathVariable long id, @RequestParam(required = false) String from,
                              @RequestParam(required = false) String to) {
        RegisteredCamera camera = access.camera(id, null);
        TimeRange range = TimeRange.parse(from, requiredEnd(to), properties.maxListRange(),
                properties.maxListRange());
        return RecordingsView.of(id, camera.name(), timeline.of(id, range, clock.instant()));
    }

    @GetMapping("/api/v1/cameras/{id}/playback.mp4")
    @RequiresPermission(Permission.PLAYBACK_VIEW)
    void playback(@PathVariable long id, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, @RequestParam(required = false) String reason,
                  @RequestParam(name = "case", required = false) String caseNumber, HttpServletResponse response)
            throws IOException {
        RegisteredCamera camera = access.camera(id, PLAYBACK);
        PlaybackAccess.Purpose purpose = PlaybackAccess.purpose(reason, caseNumber);
        TimeRange range = TimeRange.parse(from, to, properties.streamLength(), properties.maxVideoLength());
        RecordedStream stream = new RecordedStream(recorded(id, range), range.from(), range.to(),
                media.maxBoxSize().toBytes());
        Instant streamStart;
        String codec;
        try {
            streamStart = stream.firstKeyframe();
            codec = stream.codec();
        } catch (IOException e) {
            log.error("Could not read the recording of camera {} at {}: {}", id, range.from(), e.getMessage());
            throw PlaybackProblem.unreadable();
        }
        access.recordViewing(PLAYBACK, camera, range, purpose);
        response.setContentType("video/mp4; codecs=\"" + codec + "\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(STREAM_START, streamStart.toString());
        response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, STREAM_START);
        try (OutputStream out = response.getOutputStream()) {
            stream.writeTo(out);
        } catch (RecordedStream.ReceiverGone e) {
            log.debug("The viewer of camera {} left the playback: {}", id, e.getMessage());
        } catch (IOException e) {
            // the response has begun: the player sees the video end here
            log.warn("The playback of camera {} ended early, a recording could not be read: {}", id, e.getMessage());
        }
    }

    @GetMapping("/api/v1/cameras/{id}/clip.mp4")
    @RequiresPermission(Permission.PLAYBACK_VIEW)
    void clip(@PathVariable long id, @RequestParam(required = false) String from,
              @RequestParam(required = false) String to, @RequestParam(required = false) String reason,
              @RequestParam(name = "case", required = false) String caseNumber, HttpServletResponse response)
            throws IOException {
        RegisteredCamera camera = access.camera(id, CLIP);
        PlaybackAccess.Purpose purpose = PlaybackAccess.purpose(reason, caseNumber);
        TimeRange range = TimeRange.parse(from, requiredEnd(to), properties.maxVideoLength(),
                properties.maxVideoLength());
        List<RecordedSegment> segments = recorded(id, range);
        access.recordViewing(CLIP, camera, range, purpose);
        Path clip = clips.export(id, segments, range);
        try {
            response.setContentType("video/mp4");
            response.setContentLengthLong(Files.size(clip));
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename("camera-" + id + "-" + FILE_TIME.format(range.from()) + ".mp4").build().toString());
            try (OutputStream out = response.getOutputStream()) {
                Files.copy(clip, out);
            } catch (IOException e) {
                log.debug("The clip of camera {} was not received whole: {}", id, e.getMessage());
            }
        } finally {
            ClipExporter.deleteQuietly(clip);
        }
    }

    /**
     * A small JPEG of the keyframe at or before {@code at}, for the timeline. The picture is recorded video, so a
     * reason is required and the look is audited, once per user, camera, case and recorded hour (see
     * {@link ThumbnailAudit}); the browser may keep the picture for a while.
     */
    @GetMapping("/api/v1/cameras/{id}/thumbnail.jpg")
    @RequiresPermission(Permission.PLAYBACK_VIEW)
    void thumbnail(@PathVariable long id, @RequestParam(required = false) String at,
                   @RequestParam(required = false) String reason,
                   @RequestParam(name = "case", required = false) String caseNumber, HttpServletResponse response)
            throws IOException {
        RegisteredCamera camera = access.camera(id, ThumbnailAudit.ACTION);
        PlaybackAccess.Purpose purpose = PlaybackAccess.purpose(reason, caseNumber);
        Instant instant = TimeRange.instant("at", at);
        RecordedSegment segment = recorded(id, new TimeRange(instant, instant.plusMillis(1))).getLast();
        Thumbnails.Thumbnail thumbnail;
        byte[] jpeg;
        try {
            thumbnail = thumbnails.of(segment, instant);
            jpeg = Files.readAllBytes(thumbnail.file());
        } catch (IOException e) {
            log.error("Could not make a thumbnail of camera {} at {}: {}", id, instant, e.getMessage());
            throw PlaybackProblem.unreadable();
        }
        thumbnailAudit.recordLook(camera, thumbnail.keyframe(), purpose);
        response.setContentType("image/jpeg");
        response.setContentLength(jpeg.length);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=600");
        response.setHeader(KEYFRAME, thumbnail.keyframe().toString());
        try (OutputStream out = response.getOutputStream()) {
            out.write(jpeg);
        } catch (IOException e) {
            log.debug("A thumbnail of camera {} was not received whole: {}", id, e.getMessage());
        }
    }

    private List<RecordedSegment> recorded(long cameraId, TimeRange range) {
        List<RecordedSegment> segments = timeline.recorded(cameraId, range);
        if (segments.isEmpty()) throw PlaybackProblem.nothingRecorded();
        return segments;
    }

    /** A missing end is refused here rather than given a default: the range must be said in full. */
    private static String requiredEnd(String to) {
        if (to == null || to.isBlank()) {
            throw PlaybackProblem.invalid("Parameter 'to' is required: a date and time in ISO-8601 form, "
                    + "e.g. 2026-01-31T14:00:00Z.");
        }
        return to;
    }
}

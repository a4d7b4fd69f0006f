package org.atalaya.playback.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.camera.RegisteredCamera;
import org.atalaya.playback.PlaybackProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The console's playback page: a camera's recorded ranges of the last hours, and a form that plays a minute from a
 * chosen instant (through the API's stream, with the console session) and offers that minute as a clip.
 */
@Controller
class PlaybackConsoleController {

    /** How much the page plays and offers as a clip from the chosen instant. */
    static final Duration PLAYED = Duration.ofMinutes(1);

    private final PlaybackAccess access;
    private final RecordingTimeline timeline;
    private final PlaybackProperties properties;
    private final MessageSource messages;
    private final Clock clock;

    PlaybackConsoleController(PlaybackAccess access, RecordingTimeline timeline, PlaybackProperties properties,
                              MessageSource messages, Clock clock) {
        this.access = access;
        this.timeline = timeline;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    /** The cameras whose recordings the user may watch, each with when it last recorded. */
    @GetMapping("/playback")
    @RequiresPermission(Permission.PLAYBACK_VIEW)
    String cameras(Model model) {
        model.addAttribute("pageTitle", messages.getMessage("playback.cameras", null, LocaleContextHolder.getLocale()));
        model.addAttribute("cameras", access.watchable().stream()
                .map(camera -> new CameraRow(camera, timeline.latestEnd(camera.id()).orElse(null)))
                .toList());
        return "playback/cameras";
    }

    /** @param lastRecorded when its latest segment ends; null when it has recorded nothing */
    record CameraRow(RegisteredCamera camera, Instant lastRecorded) {
    }

    @GetMapping("/cameras/{id}/playback")
    @RequiresPermission(Permission.PLAYBACK_VIEW)
    String page(@PathVariable long id, Model model) {
        RegisteredCamera camera = access.camera(id, null);
        Instant now = clock.instant();
        RecordingTimeline.Timeline recent = timeline.of(id,
                new TimeRange(now.minus(properties.consoleHistory()), now), now);
        model.addAttribute("pageTitle", messages.getMessage("playback.title", new Object[] {camera.name()},
                LocaleContextHolder.getLocale()));
        model.addAttribute("camera", camera);
        model.addAttribute("ranges", recent.recordedRanges());
        model.addAttribute("gaps", recent.gaps());
        model.addAttribute("historyHours", properties.consoleHistory().toHours());
        model.addAttribute("playedSeconds", PLAYED.toSeconds());
        model.addAttribute("defaultStart", timeline.latestEnd(id).map(end -> end.minus(PLAYED)).orElse(null));
        return "playback/playback";
    }
}

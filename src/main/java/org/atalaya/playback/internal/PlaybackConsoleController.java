package org.atalaya.playback.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.camera.RegisteredCamera;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's playback pages: the cameras whose recordings the user may watch, and the timeline player for one
 * camera or for up to four played together. The player gets everything else (recorded ranges, video, thumbnails,
 * clips) from the API with the console session.
 */
@Controller
class PlaybackConsoleController {

    /** The most cameras one player shows together (a 2x2 grid). */
    static final int MOST_TOGETHER = 4;
    /** Where the player starts when no time is asked for: this long before the end of the latest recording. */
    static final Duration LEAD_IN = Duration.ofMinutes(1);

    private final PlaybackAccess access;
    private final RecordingTimeline timeline;
    private final MessageSource messages;
    private final Clock clock;

    PlaybackConsoleController(PlaybackAccess access, RecordingTimeline timeline, MessageSource messages,
                              Clock clock) {
        this.access = access;
        this.timeline = timeline;
        this.messages = messages;
        this.clock = clock;
    }

    /** The cameras whose recordings the user may watch, each with when it last recorded. */
    @GetMapping("/playback")
    @RequiresPermission(Permission.PLAYBACK_VIEW)
    String cameras(Model model) {
        model.addAttribute("pageTitle", message("playback.cameras"));
        model.addAttribute("cameras", access.watchable().stream()
                .map(camera -> new CameraRow(camera, timeline.latestEnd(camera.id()).orElse(null)))
                .toList());
        model.addAttribute("mostTogether", MOST_TOGETHER);
        return "playback/cameras";
    }

    /** @param lastRecorded when its latest segment ends; null when it has recorded nothing */
    record CameraRow(RegisteredCamera camera, Instant lastRecorded) {
    }

    @GetMapping("/cameras/{id}/playback")
    @RequiresPermission(Permission.PLAYBACK_VIEW)
    String page(@PathVariable long id, @RequestParam(required = false) String at, Model model) {
        RegisteredCamera camera = access.camera(id, null);
        model.addAttribute("pageTitle", message("playback.title", camera.name()));
        return player(List.of(camera), at, model);
    }

    @GetMapping("/playback/sync")
    @RequiresPermission(Permission.PLAYBACK_VIEW)
    String together(@RequestParam(required = false) List<Long> cameras, @RequestParam(required = false) String at,
                    Model model) {
        Set<Long> ids = new LinkedHashSet<>(cameras == null ? List.of() : cameras);
        if (ids.isEmpty()) throw PlaybackProblem.invalid("Choose at least one camera to play back.");
        if (ids.size() > MOST_TOGETHER) {
            throw PlaybackProblem.invalid("At most " + MOST_TOGETHER + " cameras can be played back together.");
        }
        List<RegisteredCamera> chosen = ids.stream().map(id -> access.camera(id, null)).toList();
        model.addAttribute("pageTitle", message("playback.together"));
        return player(chosen, at, model);
    }

    private String player(List<RegisteredCamera> cameras, String at, Model model) {
        Instant now = clock.instant();
        Instant start = at == null || at.isBlank() ? latestStart(cameras).orElse(now.minus(LEAD_IN))
                : TimeRange.instant("at", at);
        List<Long> shown = cameras.stream().map(RegisteredCamera::id).toList();
        List<RegisteredCamera> others = new ArrayList<>(access.watchable());
        others.removeIf(camera -> shown.contains(camera.id()));
        model.addAttribute("cameras", cameras);
        model.addAttribute("others", cameras.size() < MOST_TOGETHER ? others : List.of());
        model.addAttribute("start", start);
        return "playback/player";
    }

    private Optional<Instant> latestStart(List<RegisteredCamera> cameras) {
        return cameras.stream().map(camera -> timeline.latestEnd(camera.id())).flatMap(Optional::stream)
                .max(Instant::compareTo).map(end -> end.minus(LEAD_IN));
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}

package org.atalaya.wall.internal;

import java.util.Arrays;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.wall.WallProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's video wall. The page holds the cameras the user may watch live; the grid, the tiles, tours and
 * layouts live in the browser ({@code wall.js}), which saves and opens layouts through the API.
 */
@Controller
class WallConsoleController {

    private final WallLayouts layouts;
    private final WallProperties properties;
    private final MessageSource messages;

    WallConsoleController(WallLayouts layouts, WallProperties properties, MessageSource messages) {
        this.layouts = layouts;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping("/live")
    @RequiresPermission(Permission.LIVE_VIEW)
    String wall(Model model) {
        model.addAttribute("pageTitle", messages.getMessage("wall.title", null, LocaleContextHolder.getLocale()));
        model.addAttribute("cameras", layouts.watchable(CurrentUser.get().orElseThrow()));
        model.addAttribute("grids", Arrays.stream(WallGrid.values()).map(WallGrid::key).toList());
        model.addAttribute("defaultDwell", properties.defaultTourDwell().toSeconds());
        model.addAttribute("longestDwell", WallLayouts.LONGEST_DWELL_SECONDS);
        return "wall/wall";
    }
}

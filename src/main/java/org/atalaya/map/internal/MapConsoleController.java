package org.atalaya.map.internal;

import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.map.MapProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's map page; its script loads the cameras from the API and follows their status over events. */
@Controller
class MapConsoleController {

    private final MapProperties properties;
    private final MessageSource messages;

    MapConsoleController(MapProperties properties, MessageSource messages) {
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping("/map")
    @RequiresPermission(Permission.CAMERA_VIEW)
    String map(Model model) {
        model.addAttribute("pageTitle", messages.getMessage("map.title", null, LocaleContextHolder.getLocale()));
        model.addAttribute("map", properties);
        return "map/map";
    }
}

package org.atalaya.console.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The first page after signing in: where this user can go from here. */
@Controller
class OverviewController {

    @GetMapping("/")
    @RequiresPermission(Permission.OWN_ACCOUNT)
    String overview(Model model, HttpServletRequest request) {
        return "console/overview";
    }
}

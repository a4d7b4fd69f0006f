package org.atalaya.console.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.atalaya.access.CurrentUser;
import org.atalaya.access.SignedInUser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every console page the signed-in user and the navigation they may use. */
@ControllerAdvice(annotations = Controller.class)
@ConditionalOnWebApplication
class ConsoleModelAdvice {

    private final Navigation navigation;

    ConsoleModelAdvice(Navigation navigation) {
        this.navigation = navigation;
    }

    @ModelAttribute("signedInUser")
    SignedInUser signedInUser() {
        return CurrentUser.get().orElse(null);
    }

    @ModelAttribute("navigation")
    List<Navigation.Group> navigation(HttpServletRequest request) {
        return CurrentUser.get()
                .map(user -> navigation.forUser(user, request.getRequestURI().substring(request.getContextPath().length())))
                .orElse(List.of());
    }
}

package org.atalaya.console.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.atalaya.access.SignedInUser;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Builds the side navigation for a user. A section whose page exists in this build is a link; one whose page a
 * later module brings is listed as planned, so the map of the product stays visible without dead links.
 */
@Component
@ConditionalOnWebApplication
class Navigation {

    record Item(String labelKey, String path, String shortcut, boolean available, boolean current) {
    }

    record Group(String labelKey, List<Item> items) {
    }

    private final RequestMappingHandlerMapping handlerMapping;
    private volatile Set<String> pagesServed = Set.of();

    Navigation(RequestMappingHandlerMapping requestMappingHandlerMapping) {
        this.handlerMapping = requestMappingHandlerMapping;
    }

    @EventListener(ApplicationReadyEvent.class)
    void discoverPages() {
        pagesServed = handlerMapping.getHandlerMethods().keySet().stream()
                .filter(info -> info.getMethodsCondition().isEmpty()
                        || info.getMethodsCondition().getMethods().contains(RequestMethod.GET))
                .flatMap(info -> info.getPatternValues().stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    List<Group> forUser(SignedInUser user, String requestPath) {
        Map<ConsoleSection.Group, List<Item>> groups = new LinkedHashMap<>();
        Arrays.stream(ConsoleSection.values())
                .filter(section -> user.can(section.permission))
                .forEach(section -> groups.computeIfAbsent(section.group, g -> new ArrayList<>()).add(new Item(
                        section.labelKey(), section.path, section.shortcut,
                        pagesServed.contains(section.path),
                        requestPath.equals(section.path) || requestPath.startsWith(section.path + "/"))));
        return groups.entrySet().stream()
                .map(entry -> new Group(entry.getKey().labelKey(), List.copyOf(entry.getValue())))
                .toList();
    }
}

package org.atalaya.identity;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import java.util.Set;
import org.atalaya.access.Permission;
import org.atalaya.access.PublicEndpoint;
import org.atalaya.access.RequiresPermission;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * What a web handler declares it needs, read the same way the enforcing interceptor reads it: the annotation on the
 * method wins over the one on its class.
 */
public final class EndpointPermissions {

    /** A handler's declaration: a permission, public with a reason, or nothing (refused at run time). */
    public sealed interface Requirement {
    }

    /** Any one of the permissions lets the user in. */
    public record Needs(Set<Permission> anyOf) implements Requirement {

        public Needs {
            anyOf = Set.copyOf(anyOf);
        }
    }

    public record Public(String reason) implements Requirement {
    }

    public record Undeclared() implements Requirement {
    }

    private EndpointPermissions() {
    }

    public static Requirement of(HandlerMethod handler) {
        var onMethod = declared(handler.getMethod());
        if (onMethod.isPresent()) return onMethod.get();
        return declared(handler.getBeanType()).orElseGet(Undeclared::new);
    }

    /**
     * The permissions of which the handler requires any one, or none for a public one.
     *
     * @throws IllegalStateException if the handler declares neither (such a handler is always refused)
     */
    public static Set<Permission> required(HandlerMethod handler) {
        return switch (of(handler)) {
            case Needs needs -> needs.anyOf();
            case Public ignored -> Set.of();
            case Undeclared ignored -> throw new IllegalStateException(
                    handler + " declares neither @RequiresPermission nor @PublicEndpoint");
        };
    }

    private static Optional<Requirement> declared(AnnotatedElement element) {
        var needs = AnnotatedElementUtils.findMergedAnnotation(element, RequiresPermission.class);
        // naming no permission at all declares nothing: such a handler is refused, not opened
        if (needs != null) {
            return Optional.of(needs.value().length == 0 ? new Undeclared() : new Needs(Set.of(needs.value())));
        }
        var open = AnnotatedElementUtils.findMergedAnnotation(element, PublicEndpoint.class);
        if (open != null) return Optional.of(new Public(open.reason()));
        return Optional.empty();
    }
}

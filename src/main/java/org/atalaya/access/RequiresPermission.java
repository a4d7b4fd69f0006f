package org.atalaya.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a web endpoint needs. Every handler method declares one (on the method or its controller class),
 * or is marked {@link PublicEndpoint}; a handler with neither is refused at run time and fails the architecture test.
 * Naming several means any one of them will do (a unit's crew or a dispatcher may change a unit's status).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresPermission {
    Permission[] value();
}

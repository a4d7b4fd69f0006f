package org.atalaya.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * A component that works on its own (recorders, schedulers, checkpoint signing). Command-line tools such as
 * {@code atalaya token} start the application without them, so a tool never duplicates the server's work.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Component
@ConditionalOnBooleanProperty(name = "atalaya.workers.enabled", matchIfMissing = true)
public @interface BackgroundWorker {
}

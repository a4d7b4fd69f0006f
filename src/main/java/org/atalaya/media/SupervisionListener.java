package org.atalaya.media;

/**
 * Hears every change of a supervised process's state. Beans implementing it are called by the supervisor on its
 * own threads, one key at a time; a listener must return quickly and must not throw.
 */
@FunctionalInterface
public interface SupervisionListener {

    void statusChanged(SupervisionStatus status);
}

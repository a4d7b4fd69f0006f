package org.atalaya.access;

/**
 * How far a user reaches one camera for an action: whether the camera exists for them at all, and whether they may
 * act on it. Requests answer "not found" for {@link #HIDDEN} and "forbidden" for {@link #SEEN}.
 */
public enum CameraReach {
    /** The user may neither view the camera nor act on it. */
    HIDDEN,
    /** The user may view the camera but not act on it. */
    SEEN,
    /** The user holds the action's permission for the camera's group. */
    PERMITTED
}

package org.atalaya.analytics;

/** How a camera's view was tampered with. */
public enum TamperKind {
    /** Covered, sprayed or blinded: the picture lost its brightness or its detail all over. */
    COVERED,
    /** Out of focus: much less sharp than the camera's learned baseline. */
    DEFOCUSED,
    /** Turned or moved: the scene no longer matches the reference picture. */
    MOVED
}

package org.atalaya.recording.internal;

/** Why retention deleted a segment, as the audit entry names it. */
enum RetentionRule {
    AGE("age"),
    FREE_SPACE_FLOOR("free-space floor"),
    USAGE_CAP("usage cap");

    final String label;

    RetentionRule(String label) {
        this.label = label;
    }
}

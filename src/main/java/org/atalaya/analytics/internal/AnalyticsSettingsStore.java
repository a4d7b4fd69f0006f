package org.atalaya.analytics.internal;

/** Where each camera's analytics settings are kept. */
interface AnalyticsSettingsStore {

    /** The camera's settings, or {@link AnalyticsSettings#defaults} when none were saved. */
    AnalyticsSettings forCamera(long cameraId);
}

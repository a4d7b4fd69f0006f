/**
 * Playback: what a camera recorded over a stretch of time (segments and gaps), recorded video streamed to the
 * console's player from any instant, and clips of a range to download. Every view of recorded video needs a reason
 * and is audited before the first byte leaves.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Playback")
package org.atalaya.playback;

/**
 * Playback: what a camera recorded over a stretch of time (segments and gaps), recorded video streamed to the
 * console's timeline player from any instant (one camera, or up to four on one clock), small pictures of keyframes
 * for the timeline, and clips of a range to download. Every view of recorded video needs a reason and is audited
 * before the first byte leaves; pictures are audited once per user, camera, case and recorded hour.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Playback")
package org.atalaya.playback;

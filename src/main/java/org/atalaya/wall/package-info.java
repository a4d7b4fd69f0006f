/**
 * Video wall: the monitoring centre's grid of live cameras at {@code /live}, with named layouts each user keeps
 * and may share, and tours that cycle a tile through several cameras. Which cameras a user sees on a layout is
 * decided by their own live-view permission whenever they open it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Video wall")
package org.atalaya.wall;

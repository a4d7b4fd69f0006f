/**
 * Recording: camera video written to segment files on disk, one file per minute or so, cut at keyframes, and the
 * index of those files in the database. The disk is the truth; at start-up the reconciler repairs files left open by
 * a crash and brings the index back in line with the disk.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Recording")
package org.atalaya.recording;

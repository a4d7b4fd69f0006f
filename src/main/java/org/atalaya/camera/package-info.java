/**
 * The camera registry: each camera's streams, credentials (sealed), place and view, camera group, and the purpose,
 * legal basis and retention that allow it to record.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cameras")
package org.atalaya.camera;

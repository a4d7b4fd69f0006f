/**
 * The map: where the cameras a user may see stand and what they look at, coloured by whether their video arrives,
 * kept current over server-sent events. It works without any outside map server unless one is configured.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Map")
package org.atalaya.map;

/**
 * Unit positions: an OsmAnd-protocol endpoint compatible with the Traccar Client app (and any AVL box speaking it),
 * devices registered to units, positions kept in a time-partitioned table for a limited time, the latest position of
 * each unit held in memory.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Unit tracking")
package org.atalaya.tracking;

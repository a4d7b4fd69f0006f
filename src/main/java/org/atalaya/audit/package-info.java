/** The tamper-evident audit log: append-only entries, a Merkle tree over them, signed checkpoints, verification. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.atalaya.audit;

package org.atalaya.audit.internal;

import java.util.Base64;

/** A signed checkpoint as the API shows it: hex root, ISO-8601 time, base64 signature. */
record CheckpointView(long treeSize, String rootHash, String signedAt, String keyId, String signature) {

    static CheckpointView of(Checkpoint checkpoint) {
        return new CheckpointView(checkpoint.treeSize(), checkpoint.rootHash().hex(), checkpoint.signedAt().toString(),
                checkpoint.keyId(), Base64.getEncoder().encodeToString(checkpoint.signature()));
    }
}

package org.atalaya.audit.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A Merkle tree that grows one leaf at a time and keeps only the roots of its perfect subtrees (one per set bit of
 * the size), so the head of a tree of any size costs O(log n) memory.
 */
public final class MerkleFrontier {

    private final List<Hash> perfectSubtrees = new ArrayList<>();
    private long size;

    public void append(Hash leaf) {
        Hash carry = leaf;
        for (long s = size; (s & 1) == 1; s >>= 1) {
            carry = Merkle.nodeHash(perfectSubtrees.removeLast(), carry);
        }
        perfectSubtrees.add(carry);
        size++;
    }

    public long size() {
        return size;
    }

    /** MTH of the leaves so far: the perfect subtrees, largest first, folded from the right. */
    public Hash root() {
        if (perfectSubtrees.isEmpty()) return Merkle.EMPTY_ROOT;
        Hash root = perfectSubtrees.getLast();
        for (int i = perfectSubtrees.size() - 2; i >= 0; i--) {
            root = Merkle.nodeHash(perfectSubtrees.get(i), root);
        }
        return root;
    }
}

package org.atalaya.audit.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree of RFC 6962 / RFC 9162 section 2.1: leaf = SHA-256(0x00 || entry), node = SHA-256(0x01 || left ||
 * right), and a tree of n &gt; 1 leaves splits at the largest power of two smaller than n. Indexes start at 0.
 */
public final class Merkle {

    public static final Hash EMPTY_ROOT = Hash.sha256(new byte[0]);

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private Merkle() {
    }

    public static Hash leafHash(byte[] entry) {
        return Hash.sha256(LEAF_PREFIX, entry);
    }

    public static Hash nodeHash(Hash left, Hash right) {
        return Hash.sha256(NODE_PREFIX, left.unsafeBytes(), right.unsafeBytes());
    }

    /** The tree head MTH(D[n]) of the leaf hashes, by the recursive definition. */
    public static Hash root(List<Hash> leaves) {
        if (leaves.isEmpty()) return EMPTY_ROOT;
        if (leaves.size() == 1) return leaves.getFirst();
        int split = (int) largestPowerOfTwoBelow(leaves.size());
        return nodeHash(root(leaves.subList(0, split)), root(leaves.subList(split, leaves.size())));
    }

    /** A run of leaves {@code [from, to)} whose subtree hash is one element of an audit path. */
    public record Range(long from, long to) {
        boolean contains(long index) {
            return index >= from && index < to;
        }
    }

    /**
     * The subtrees whose hashes make up the audit path PATH(index, D[size]), in path order (from the leaf upwards).
     * They are disjoint and, with the leaf itself, cover the whole tree.
     */
    public static List<Range> auditPathRanges(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size + " leaves");
        }
        var ranges = new ArrayList<Range>();
        long from = 0;
        long to = size;
        while (to - from > 1) {
            long split = from + largestPowerOfTwoBelow(to - from);
            if (index < split) {
                ranges.add(new Range(split, to));
                to = split;
            } else {
                ranges.add(new Range(from, split));
                from = split;
            }
        }
        return ranges.reversed();
    }

    /** The audit path of one leaf when all leaves are at hand. */
    public static List<Hash> auditPath(long index, List<Hash> leaves) {
        return auditPathRanges(index, leaves.size()).stream()
                .map(range -> root(leaves.subList((int) range.from(), (int) range.to())))
                .toList();
    }

    /** RFC 9162 section 2.1.3.2: whether the leaf at index is in the tree of the given size and root. */
    public static boolean verifyInclusion(long index, long size, Hash leaf, List<Hash> path, Hash root) {
        if (index < 0 || index >= size) return false;
        long fn = index;
        long sn = size - 1;
        Hash r = leaf;
        for (Hash p : path) {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r.equals(root);
    }

    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}

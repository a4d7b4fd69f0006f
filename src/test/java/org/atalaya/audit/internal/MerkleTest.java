package org.atalaya.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The leaf inputs of the RFC 6962 reference tests (certificate-transparency). */
    private static final List<byte[]> REFERENCE_INPUTS = List.of(
            HEX.parseHex(""), HEX.parseHex("00"), HEX.parseHex("10"), HEX.parseHex("2021"), HEX.parseHex("3031"),
            HEX.parseHex("40414243"), HEX.parseHex("5051525354555657"),
            HEX.parseHex("606162636465666768696a6b6c6d6e6f"));

    private static final List<String> REFERENCE_ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void theEmptyTreeIsTheHashOfNothing() throws Exception {
        assertThat(Merkle.root(List.of()).hex())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
                .isEqualTo(HEX.formatHex(MessageDigest.getInstance("SHA-256").digest()));
        assertThat(new MerkleFrontier().root()).isEqualTo(Merkle.EMPTY_ROOT);
    }

    @Test
    void leavesAndNodesArePrefixedAsRfc6962Says() throws Exception {
        var sha = MessageDigest.getInstance("SHA-256");
        assertThat(Merkle.leafHash(new byte[] {7}).bytes()).isEqualTo(sha.digest(new byte[] {0, 7}));
        Hash a = Merkle.leafHash(new byte[] {1});
        Hash b = Merkle.leafHash(new byte[] {2});
        sha.update((byte) 1);
        sha.update(a.bytes());
        sha.update(b.bytes());
        assertThat(Merkle.nodeHash(a, b).bytes()).isEqualTo(sha.digest());
    }

    @Test
    void rootsMatchTheReferenceTreesOfRfc6962() {
        List<Hash> leaves = REFERENCE_INPUTS.stream().map(Merkle::leafHash).toList();
        var frontier = new MerkleFrontier();
        for (int size = 1; size <= leaves.size(); size++) {
            frontier.append(leaves.get(size - 1));
            assertThat(Merkle.root(leaves.subList(0, size)).hex()).as("root of %d", size).isEqualTo(REFERENCE_ROOTS.get(size - 1));
            assertThat(frontier.root().hex()).as("frontier root of %d", size).isEqualTo(REFERENCE_ROOTS.get(size - 1));
        }
    }

    @Test
    void theReferenceInclusionProofOfTheFirstLeafOfEight() {
        List<Hash> leaves = REFERENCE_INPUTS.stream().map(Merkle::leafHash).toList();
        assertThat(Merkle.auditPath(0, leaves)).extracting(Hash::hex).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    }

    @Test
    void theIncrementalTreeAgreesWithTheRecursiveDefinitionUpToSixtyFourLeaves() {
        List<Hash> leaves = leaves(64);
        var frontier = new MerkleFrontier();
        for (int size = 1; size <= leaves.size(); size++) {
            frontier.append(leaves.get(size - 1));
            assertThat(frontier.size()).isEqualTo(size);
            assertThat(frontier.root()).as("size %d", size).isEqualTo(referenceRoot(leaves.subList(0, size)));
        }
    }

    @Test
    void everyLeafOfTreesUpToTwentyHasAProofThatVerifies() {
        for (int size = 1; size <= 20; size++) {
            List<Hash> leaves = leaves(size);
            Hash root = Merkle.root(leaves);
            for (int index = 0; index < size; index++) {
                List<Hash> path = Merkle.auditPath(index, leaves);
                assertThat(path).as("path of %d in %d", index, size).isEqualTo(referencePath(index, leaves));
                assertThat(Merkle.verifyInclusion(index, size, leaves.get(index), path, root))
                        .as("leaf %d of %d", index, size).isTrue();
            }
        }
    }

    @Test
    void tamperedProofsFail() {
        for (int size = 1; size <= 20; size++) {
            List<Hash> leaves = leaves(size);
            Hash root = Merkle.root(leaves);
            for (int index = 0; index < size; index++) {
                List<Hash> path = Merkle.auditPath(index, leaves);
                Hash leaf = leaves.get(index);
                String where = "leaf " + index + " of " + size;
                assertThat(Merkle.verifyInclusion(index, size, Merkle.leafHash(new byte[] {9, 9}), path, root)).as(where).isFalse();
                assertThat(Merkle.verifyInclusion(index, size, leaf, path, Merkle.leafHash(new byte[0]))).as(where).isFalse();
                if (size > 1) {
                    assertThat(Merkle.verifyInclusion((index + 1) % size, size, leaf, path, root)).as(where).isFalse();
                    assertThat(Merkle.verifyInclusion(index, size, leaf, path.subList(0, path.size() - 1), root)).as(where).isFalse();
                }
                var longer = new ArrayList<>(path);
                longer.add(leaf);
                assertThat(Merkle.verifyInclusion(index, size, leaf, longer, root)).as(where).isFalse();
                for (int i = 0; i < path.size(); i++) {
                    var flipped = new ArrayList<>(path);
                    byte[] bytes = flipped.get(i).bytes();
                    bytes[0] ^= 1;
                    flipped.set(i, new Hash(bytes));
                    assertThat(Merkle.verifyInclusion(index, size, leaf, flipped, root)).as(where + ", element " + i).isFalse();
                }
            }
        }
    }

    @Test
    void aLeafOutsideTheTreeHasNoPath() {
        assertThatThrownBy(() -> Merkle.auditPathRanges(5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Merkle.auditPathRanges(-1, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Hash> leaves(int count) {
        List<Hash> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(Merkle.leafHash(("entry " + i).getBytes()));
        }
        return leaves;
    }

    /** MTH written straight from RFC 6962 section 2.1 with its own hashing, to check the production code against. */
    private static Hash referenceRoot(List<Hash> leaves) {
        if (leaves.size() == 1) return leaves.getFirst();
        int k = 1;
        while (k * 2 < leaves.size()) k *= 2;
        return new Hash(sha256((byte) 1, referenceRoot(leaves.subList(0, k)).bytes(),
                referenceRoot(leaves.subList(k, leaves.size())).bytes()));
    }

    /** PATH(m, D[n]) from RFC 6962 section 2.1.1. */
    private static List<Hash> referencePath(int m, List<Hash> leaves) {
        int n = leaves.size();
        if (n == 1) return List.of();
        int k = 1;
        while (k * 2 < n) k *= 2;
        var path = new ArrayList<Hash>();
        if (m < k) {
            path.addAll(referencePath(m, leaves.subList(0, k)));
            path.add(referenceRoot(leaves.subList(k, n)));
        } else {
            path.addAll(referencePath(m - k, leaves.subList(k, n)));
            path.add(referenceRoot(leaves.subList(0, k)));
        }
        return path;
    }

    private static byte[] sha256(byte prefix, byte[]... parts) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            sha.update(prefix);
            for (byte[] part : parts) sha.update(part);
            return sha.digest();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

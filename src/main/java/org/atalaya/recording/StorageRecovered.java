package org.atalaya.recording;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The recordings folder that was {@link StorageExhausted} again has the free space (and room under the cap) it must
 * keep, so recording may start again.
 *
 * @param storage the recordings folder, absolute
 * @param at      when retention found it
 */
public record StorageRecovered(Path storage, Instant at) {
}

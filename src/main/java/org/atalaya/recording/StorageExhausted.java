package org.atalaya.recording;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The recordings folder has no room left that retention may free: every remaining segment is under a legal hold
 * (or too little is deletable), so recording must stop until {@link StorageRecovered}. Published once per episode.
 *
 * @param storage the recordings folder, absolute
 * @param reason  why, in words for an operator
 * @param at      when retention found it
 */
public record StorageExhausted(Path storage, String reason, Instant at) {
}

package org.atalaya.kpi.internal;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The figures of one measure over a set of samples.
 *
 * <p>Percentiles are by the <b>nearest-rank</b> method: the p-th percentile of n durations sorted ascending is the
 * one at rank ⌈p/100 × n⌉ (counting from 1). It is always one of the measured durations, never an interpolation, so
 * "p90 = 14 s" means at least 90 % of the cases took 14 s or less.
 *
 * @param count         how many samples
 * @param p50           the median, null when there are no samples
 * @param p90           the 90th percentile, null when there are no samples
 * @param withinTarget  how many samples met their own target
 * @param share         {@code withinTarget / count}, null when there are no samples or no target
 * @param target        the target all samples share, null when there is none or when samples have different ones
 *                      (turnout of medical and other units together)
 * @param requiredShare the share that must meet the target
 * @param met           whether {@code share} reaches {@code requiredShare}; null when there is nothing to judge
 */
record MeasureStats(int count, Duration p50, Duration p90, int withinTarget, Double share, Duration target,
                    double requiredShare, Boolean met) {

    static MeasureStats of(List<Sample> samples, double requiredShare) {
        List<Duration> sorted = samples.stream().map(Sample::duration).sorted().toList();
        var targets = samples.stream().map(Sample::target).distinct().toList();
        Duration commonTarget = targets.size() == 1 ? targets.getFirst() : null;
        boolean judged = samples.stream().map(Sample::target).anyMatch(Objects::nonNull);
        int within = (int) samples.stream().filter(Sample::withinTarget).count();
        Double share = sorted.isEmpty() || !judged ? null : (double) within / sorted.size();
        Boolean met = share == null ? null : share >= requiredShare;
        return new MeasureStats(sorted.size(), percentile(sorted, 50), percentile(sorted, 90), within, share,
                commonTarget, requiredShare, met);
    }

    /** The nearest-rank percentile of durations sorted ascending; null for none. */
    static Duration percentile(List<Duration> sortedAscending, int percent) {
        if (sortedAscending.isEmpty()) return null;
        int rank = (int) Math.ceil(percent / 100.0 * sortedAscending.size());
        return sortedAscending.get(Math.max(rank, 1) - 1);
    }

    boolean empty() {
        return count == 0;
    }
}

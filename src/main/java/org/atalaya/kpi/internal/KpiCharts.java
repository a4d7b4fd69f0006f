package org.atalaya.kpi.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.kpi.internal.ResponseTimeReport.HistogramBin;
import org.atalaya.kpi.internal.ResponseTimeReport.PeriodRow;

/**
 * The geometry of the report's charts, drawn by the page as inline SVG: no chart library, nothing computed in the
 * browser. Coordinates are in the SVG's own units (the chart scales to its box).
 */
final class KpiCharts {

    static final int WIDTH = 640;
    static final int HEIGHT = 190;
    private static final int LEFT = 44;
    private static final int RIGHT = 10;
    private static final int TOP = 12;
    private static final int BOTTOM = 26;
    private static final int MOST_LABELS = 12;

    /**
     * @param tone  {@code ok} when the bar meets the target, {@code warn} when it does not
     * @param label the bucket's or bin's name
     * @param value the share the bar shows, in words; null for a histogram's bar, which shows its count
     */
    record Bar(double x, double y, double width, double height, String tone, String label, String value, int count) {
    }

    record Tick(double x, double y, String text) {
    }

    /** @param targetX, targetY where the target line runs (one of them null: a vertical or horizontal line) */
    record Chart(String measure, int width, int height, List<Bar> bars, Double targetX, Double targetY,
                 String targetText, List<Tick> xTicks, List<Tick> yTicks, double plotLeft, double plotRight,
                 double plotTop, double plotBottom) {
    }

    private KpiCharts() {
    }

    /** Per bucket, the share of the measure's cases within target; buckets without cases have no bar. */
    static Chart shareByPeriod(Measure measure, List<PeriodRow> rows, boolean hourly, double requiredShare,
                               KpiFormat format) {
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = plotWidth / Math.max(rows.size(), 1);
        double gap = Math.min(slot * 0.2, 4);
        List<Bar> bars = new ArrayList<>();
        List<Tick> xTicks = new ArrayList<>();
        int labelEvery = (int) Math.ceil(rows.size() / (double) MOST_LABELS);
        for (int i = 0; i < rows.size(); i++) {
            PeriodRow row = rows.get(i);
            MeasureStats stats = row.measures().get(measure);
            double x = LEFT + i * slot;
            String label = format.bucket(row.start(), hourly);
            if (stats.share() != null) {
                double height = Math.max(stats.share() * plotHeight, 1);
                bars.add(new Bar(round(x + gap / 2), round(TOP + plotHeight - height), round(slot - gap), round(height),
                        Boolean.TRUE.equals(stats.met()) ? "ok" : "warn", label, format.share(stats.share()),
                        stats.count()));
            }
            if (i % labelEvery == 0) xTicks.add(new Tick(round(x + slot / 2), HEIGHT - 8, label));
        }
        List<Tick> yTicks = List.of(new Tick(LEFT - 6, TOP + plotHeight + 4, "0 %"),
                new Tick(LEFT - 6, round(TOP + plotHeight / 2 + 4), "50 %"), new Tick(LEFT - 6, TOP + 4, "100 %"));
        return new Chart(measure.key(), WIDTH, HEIGHT, bars, null, round(TOP + (1 - requiredShare) * plotHeight),
                format.share(requiredShare), xTicks, yTicks, LEFT, WIDTH - RIGHT, TOP, TOP + plotHeight);
    }

    /** How many answered calls took how long, with a line at the answer target. */
    static Chart answerHistogram(List<HistogramBin> bins, Duration target, KpiFormat format) {
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = plotWidth / bins.size();
        int most = bins.stream().mapToInt(HistogramBin::count).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        List<Tick> xTicks = new ArrayList<>();
        for (int i = 0; i < bins.size(); i++) {
            HistogramBin bin = bins.get(i);
            double x = LEFT + i * slot;
            String label = bin.to() == null ? "≥ " + bin.from().toSeconds() + " s"
                    : bin.from().toSeconds() + "–" + bin.to().toSeconds() + " s";
            if (bin.count() > 0) {
                double height = Math.max(bin.count() * plotHeight / most, 1);
                bars.add(new Bar(round(x + 2), round(TOP + plotHeight - height), round(slot - 4), round(height),
                        bin.withinTarget() ? "ok" : "warn", label, null, bin.count()));
            }
            xTicks.add(new Tick(round(x + slot / 2), HEIGHT - 8, bin.to() == null ? "≥" + bin.from().toSeconds()
                    : Long.toString(bin.from().toSeconds())));
        }
        double step = ResponseTimeCalculator.HISTOGRAM_STEP.toMillis();
        double bounded = step * ResponseTimeCalculator.HISTOGRAM_BOUNDED_BINS;
        Double targetX = target.toMillis() <= bounded ? round(LEFT + target.toMillis() / step * slot) : null;
        List<Tick> yTicks = List.of(new Tick(LEFT - 6, TOP + plotHeight + 4, "0"),
                new Tick(LEFT - 6, TOP + 4, Integer.toString(most)));
        return new Chart("answer-histogram", WIDTH, HEIGHT, bars, targetX, null, format.duration(target), xTicks,
                yTicks, LEFT, WIDTH - RIGHT, TOP, TOP + plotHeight);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}

package org.atalaya.kpi.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.atalaya.kpi.internal.KpiCharts.Chart;
import org.springframework.context.MessageSource;

/**
 * What the response-times page shows of a report, every figure already in words.
 *
 * @param tiles     one per measure
 * @param charts    per measure with a target and cases, the share within target per period
 * @param histogram the answer times, null when no call was answered
 * @param agencyMeasures the measures of the table by agency, by their keys
 * @param typeMeasures   the measures of the table by type, by their keys
 */
record KpiPage(ResponseTimeReport report, List<Tile> tiles, List<Chart> charts, Chart histogram,
               List<String> agencyMeasures, List<String> typeMeasures, List<Row> byAgency, List<Row> byType) {

    /** @param status {@code met}, {@code not-met}, {@code no-target} or {@code no-data} */
    record Tile(String measure, String p90, String p50, String target, String share, String required, int count,
                String status) {
    }

    record Cell(String p90, String share, int count, String status) {
    }

    record Row(String name, List<Cell> cells) {
    }

    static KpiPage of(ResponseTimeReport report, Function<String, String> typeName, MessageSource messages,
                      Locale locale) {
        var format = new KpiFormat(locale, report.period().zone());
        var targets = report.targets();
        List<Tile> tiles = new ArrayList<>();
        List<Chart> charts = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            MeasureStats stats = report.overall().get(measure);
            tiles.add(new Tile(measure.key(), format.duration(stats.p90()), format.duration(stats.p50()),
                    target(measure, stats, targets, format, messages, locale), format.share(stats.share()),
                    format.share(stats.requiredShare()), stats.count(), status(stats)));
            if (stats.share() != null) {
                charts.add(KpiCharts.shareByPeriod(measure, report.byPeriod(), report.period().hourly(),
                        stats.requiredShare(), format));
            }
        }
        Chart histogram = report.overall().get(Measure.ANSWER).empty() ? null
                : KpiCharts.answerHistogram(report.answerHistogram(), targets.answer(), format);
        List<Measure> agencyMeasures = Arrays.stream(Measure.values()).filter(Measure::perAgency).toList();
        String noIncident = messages.getMessage("kpi.type.none", null, locale);
        return new KpiPage(report, tiles, charts, histogram, agencyMeasures.stream().map(Measure::key).toList(),
                Arrays.stream(Measure.values()).map(Measure::key).toList(),
                report.byAgency().stream().map(row -> row(row.key(), row.measures(), agencyMeasures, format)).toList(),
                report.byType().stream().map(row -> row(row.key() == null ? noIncident : typeName.apply(row.key()),
                        row.measures(), List.of(Measure.values()), format)).toList());
    }

    private static Row row(String name, Map<Measure, MeasureStats> measures, List<Measure> shown, KpiFormat format) {
        return new Row(name, shown.stream().map(measure -> {
            MeasureStats stats = measures.get(measure);
            return new Cell(format.duration(stats.p90()), format.share(stats.share()), stats.count(), status(stats));
        }).toList());
    }

    private static String target(Measure measure, MeasureStats stats, Targets targets, KpiFormat format,
                                 MessageSource messages, Locale locale) {
        if (stats.target() != null) return format.duration(stats.target());
        return switch (measure) {
            case ANSWER -> format.duration(targets.answer());
            case CALL_PROCESSING -> format.duration(targets.callProcessing());
            case TURNOUT -> messages.getMessage("kpi.target.turnout", new Object[] {
                    format.duration(targets.turnoutEms()), format.duration(targets.turnoutOthers())}, locale);
            case TRAVEL -> format.duration(targets.travel());
            case FIRST_ON_SCENE -> targets.firstOnScene() == null ? null : format.duration(targets.firstOnScene());
        };
    }

    private static String status(MeasureStats stats) {
        if (stats.empty()) return "no-data";
        if (stats.met() == null) return "no-target";
        return stats.met() ? "met" : "not-met";
    }
}

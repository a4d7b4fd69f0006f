package org.atalaya.kpi.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atalaya.access.Permission;
import org.atalaya.access.RequiresPermission;
import org.atalaya.dispatch.UnitView;
import org.atalaya.dispatch.Units;
import org.atalaya.incident.IncidentType;
import org.atalaya.incident.IncidentTypes;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The response-times page: a period, an agency and a type to choose; tiles, charts and tables of the result. */
@Controller
class ResponseTimesPageController {

    private final ResponseTimes responseTimes;
    private final Units units;
    private final IncidentTypes incidentTypes;
    private final MessageSource messages;

    ResponseTimesPageController(ResponseTimes responseTimes, Units units, IncidentTypes incidentTypes,
                                MessageSource messages) {
        this.responseTimes = responseTimes;
        this.units = units;
        this.incidentTypes = incidentTypes;
        this.messages = messages;
    }

    @GetMapping("/response-times")
    @RequiresPermission(Permission.RESPONSE_KPI_VIEW)
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String agency, @RequestParam(required = false) String type,
                Model model, Locale locale) {
        model.addAttribute("pageTitle", messages.getMessage("kpi.title", null, locale));
        List<IncidentType> types = incidentTypes.all();
        model.addAttribute("agencies", units.all().stream().map(UnitView::agency).distinct().sorted().toList());
        model.addAttribute("types", types);
        model.addAttribute("spanish", "es".equals(locale.getLanguage()));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("from", from == null ? "" : from);
        form.put("to", to == null ? "" : to);
        form.put("agency", agency == null ? "" : agency);
        form.put("type", type == null ? "" : type);
        model.addAttribute("form", form);
        try {
            var query = responseTimes.query(from, to, agency, type);
            form.put("from", query.period().firstDay().toString());
            form.put("to", query.period().lastDay().toString());
            model.addAttribute("zone", query.period().zone().getId());
            var report = responseTimes.report(query);
            model.addAttribute("kpi", KpiPage.of(report, code -> typeName(types, code, locale), messages, locale));
            model.addAttribute("exports", exportLinks(query));
        } catch (KpiProblem problem) {
            model.addAttribute("filterError", messages.getMessage(problem.detailCode(),
                    problem.getDetailMessageArguments(), problem.getMessage(), locale));
        }
        return "kpi/response-times";
    }

    private static String typeName(List<IncidentType> types, String code, Locale locale) {
        return types.stream().filter(type -> type.code().equals(code)).findFirst()
                .map(type -> "es".equals(locale.getLanguage()) ? type.nameEs() : type.name()).orElse(code);
    }

    /** CSV links for the same filter, one per kind of row. */
    private static Map<String, String> exportLinks(KpiQuery query) {
        Map<String, String> links = new LinkedHashMap<>();
        for (ResponseTimeCsv.RowKind kind : ResponseTimeCsv.RowKind.values()) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("from", query.period().firstDay().toString());
            parameters.put("to", query.period().lastDay().toString());
            if (query.agency() != null) parameters.put("agency", query.agency());
            if (query.typeCode() != null) parameters.put("type", query.typeCode());
            parameters.put("by", kind.name().toLowerCase());
            links.put(kind.name().toLowerCase(), "/api/v1/response-times.csv?" + String.join("&",
                    parameters.entrySet().stream().map(p -> p.getKey() + "="
                            + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8)).toList()));
        }
        return links;
    }
}

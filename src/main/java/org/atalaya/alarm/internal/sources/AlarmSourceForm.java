package org.atalaya.alarm.internal.sources;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/** The console form of a source: what it fills in, and what a submitted form asks for. */
final class AlarmSourceForm {

    private AlarmSourceForm() {
    }

    static Map<String, String> values(AlarmSource source) {
        Map<String, String> values = new HashMap<>();
        values.put("name", source.name());
        values.put("kind", source.kind().value());
        values.put("alarmType", source.alarmType());
        values.put("enabled", String.valueOf(source.enabled()));
        values.put("latitude", source.latitude() == null ? "" : source.latitude().toString());
        values.put("longitude", source.longitude() == null ? "" : source.longitude().toString());
        if (source.mqtt() != null) {
            values.put("brokerUrl", source.mqtt().brokerUrl());
            values.put("username", source.mqtt().username() == null ? "" : source.mqtt().username());
            values.put("topicFilter", source.mqtt().topicFilter());
            values.put("qos", String.valueOf(source.mqtt().qos()));
        } else {
            values.put("qos", "1");
        }
        return values;
    }

    /**
     * @param creating on a change the kind is the stored one, and an empty password field keeps the stored password
     *                 unless "remove password" is ticked
     */
    static AlarmSourceChanges changes(MultiValueMap<String, String> form, boolean creating) {
        String kind = creating ? blankToNull(form.getFirst("kind")) : null;
        boolean mqtt = "mqtt".equals(creating ? kind : form.getFirst("kind"));
        String password = blankToNull(form.getFirst("password"));
        if (password == null && "true".equals(form.getFirst("removePassword"))) password = "";
        return new AlarmSourceChanges(form.getFirst("name"), kind, blankToNull(form.getFirst("alarmType")),
                "true".equals(form.getFirst("enabled")), number("latitude", form.getFirst("latitude")),
                number("longitude", form.getFirst("longitude")), cameraIds(form),
                mqtt ? form.getFirst("brokerUrl") : null, mqtt ? blankToNull(form.getFirst("username")) : null,
                mqtt ? password : null, mqtt ? form.getFirst("topicFilter") : null,
                mqtt ? integer("qos", form.getFirst("qos")) : null);
    }

    static List<Long> cameraIds(MultiValueMap<String, String> form) {
        List<String> ids = form.getOrDefault("cameraIds", List.of());
        return ids.stream().filter(id -> !id.isBlank()).map(id -> {
            try {
                return Long.parseLong(id.strip());
            } catch (NumberFormatException e) {
                throw AlarmSourceProblem.invalid("cameraUnknown", "cameraIds: there is no camera " + id + ".", id);
            }
        }).toList();
    }

    private static Double number(String field, String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Double.parseDouble(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw AlarmSourceProblem.invalid("number", field + ": " + text + " is not a number.", field, text);
        }
    }

    private static Integer integer(String field, String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw AlarmSourceProblem.invalid("number", field + ": " + text + " is not a number.", field, text);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

package org.atalaya.camera.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Between the console's camera form (text fields) and {@link CameraChanges}. */
final class CameraForm {

    private CameraForm() {
    }

    /**
     * A blank password keeps the stored one; a blank place or view number removes it; an unticked analytics box
     * (absent from the form) turns analysis off.
     */
    static CameraChanges changes(Map<String, String> form) {
        return new CameraChanges(form.get("name"), form.get("mainUrl"), form.getOrDefault("subUrl", ""),
                form.getOrDefault("username", ""), blankToNull(form.get("password")),
                decimal(form, "latitude"), decimal(form, "longitude"), decimal(form, "headingDeg"),
                decimal(form, "fovDeg"), decimal(form, "rangeM"), form.get("cameraGroup"),
                form.getOrDefault("purpose", ""), form.getOrDefault("legalBasis", ""),
                whole(form, "retentionDays"), form.get("recordingMode"), "true".equals(form.get("analytics")),
                CameraChanges.CLEARABLE.stream().filter(field -> form.containsKey(field) && form.get(field).isBlank())
                        .collect(Collectors.toSet()));
    }

    /** The camera's fields as the form shows them; never the password. */
    static Map<String, String> values(Camera camera) {
        Map<String, String> values = new HashMap<>();
        values.put("name", camera.name());
        values.put("mainUrl", camera.mainUrl());
        values.put("subUrl", text(camera.subUrl()));
        values.put("username", text(camera.username()));
        values.put("latitude", text(camera.latitude()));
        values.put("longitude", text(camera.longitude()));
        values.put("headingDeg", text(camera.headingDeg()));
        values.put("fovDeg", text(camera.fovDeg()));
        values.put("rangeM", text(camera.rangeM()));
        values.put("cameraGroup", camera.cameraGroup());
        values.put("purpose", camera.purpose());
        values.put("legalBasis", camera.legalBasis());
        values.put("retentionDays", String.valueOf(camera.retentionDays()));
        values.put("recordingMode", camera.recordingMode().value());
        values.put("analytics", String.valueOf(camera.analysed()));
        return values;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Double decimal(Map<String, String> form, String field) {
        String value = form.get(field);
        if (value == null || value.isBlank()) return null;
        try {
            return Double.valueOf(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw CameraProblem.invalid("number", field + ": must be a number.", field);
        }
    }

    private static Integer whole(Map<String, String> form, String field) {
        String value = form.get(field);
        if (value == null || value.isBlank()) return null;
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw CameraProblem.invalid("wholeNumber", field + ": must be a whole number.", field);
        }
    }
}

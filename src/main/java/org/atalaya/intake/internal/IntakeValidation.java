package org.atalaya.intake.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.atalaya.incident.IncidentType;
import org.atalaya.incident.IncidentTypes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Checks what the call-taker typed, field by field, with what is wrong in their language. */
@Component
class IntakeValidation {

    static final int CALLER_NUMBER_LIMIT = 40;
    static final int CALLER_NAME_LIMIT = 120;
    static final int ADDRESS_LIMIT = 300;
    static final int NARRATIVE_LIMIT = 4000;

    private final IncidentTypes types;
    private final MessageSource messages;

    IntakeValidation(IncidentTypes types, MessageSource messages) {
        this.types = types;
        this.messages = messages;
    }

    void check(ManualCallRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        caller(request.callerNumber(), request.callerName(), errors);
        throwIfAny(errors);
    }

    void check(AttachRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        caller(request.callerNumber(), request.callerName(), errors);
        if (tooLong(request.narrative(), NARRATIVE_LIMIT)) errors.put("narrative", say("too-long", NARRATIVE_LIMIT));
        throwIfAny(errors);
    }

    void check(IntakeRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        caller(request.callerNumber(), request.callerName(), errors);
        if (blank(request.typeCode())) {
            errors.put("typeCode", say("type-missing"));
        } else if (types.find(request.typeCode()).filter(IncidentType::active).isEmpty()) {
            errors.put("typeCode", say("type-unknown", request.typeCode()));
        }
        if (request.priority() != null && (request.priority() < 1 || request.priority() > 5)) {
            errors.put("priority", say("priority"));
        }
        location(request, errors);
        if (blank(request.narrative())) {
            errors.put("narrative", say("narrative-missing"));
        } else if (tooLong(request.narrative(), NARRATIVE_LIMIT)) {
            errors.put("narrative", say("too-long", NARRATIVE_LIMIT));
        }
        throwIfAny(errors);
    }

    private void location(IntakeRequest request, Map<String, String> errors) {
        boolean hasPoint = request.latitude() != null || request.longitude() != null;
        if (hasPoint) {
            if (request.latitude() == null || request.longitude() == null
                    || Math.abs(request.latitude()) > 90 || Math.abs(request.longitude()) > 180) {
                errors.put("location", say("coordinates"));
            }
        } else if (blank(request.address())) {
            errors.put("location", say("location-missing"));
        }
        if (tooLong(request.address(), ADDRESS_LIMIT)) errors.put("address", say("too-long", ADDRESS_LIMIT));
    }

    private void caller(String number, String name, Map<String, String> errors) {
        if (tooLong(number, CALLER_NUMBER_LIMIT)) errors.put("callerNumber", say("too-long", CALLER_NUMBER_LIMIT));
        if (tooLong(name, CALLER_NAME_LIMIT)) errors.put("callerName", say("too-long", CALLER_NAME_LIMIT));
    }

    private static void throwIfAny(Map<String, String> errors) {
        if (!errors.isEmpty()) throw IntakeProblem.invalid(errors);
    }

    private String say(String code, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        Object[] words = Arrays.stream(arguments).map(String::valueOf).toArray();
        return messages.getMessage("intake.invalid." + code, words, locale);
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static boolean tooLong(String text, int limit) {
        return text != null && text.strip().length() > limit;
    }
}

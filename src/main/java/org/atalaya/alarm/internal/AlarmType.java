package org.atalaya.alarm.internal;

import java.util.List;
import java.util.Locale;

/**
 * A kind of alarm and how it is handled.
 *
 * @param priority             1 (most urgent) to 5
 * @param escalateAfterSeconds an alarm still new this long after its first signal is escalated; null for never
 * @param clip                 whether a new alarm asks for event clips of its cameras
 * @param sop                  the checklist an operator works through, one line each
 */
record AlarmType(String code, int priority, Integer escalateAfterSeconds, boolean clip, List<String> sop,
                 String labelEn, String labelEs) {

    AlarmType {
        sop = List.copyOf(sop);
    }

    String label(Locale locale) {
        return "es".equals(locale.getLanguage()) ? labelEs : labelEn;
    }
}

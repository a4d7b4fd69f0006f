package org.atalaya.intake.internal;

/**
 * What the call-taker took down about an answered call, to open an incident with it.
 *
 * @param priority   1 (most urgent) to 5; null takes the type's default
 * @param latitude   WGS 84 degrees, with {@code longitude}; a point, an address or both say where it is
 * @param address    the place in words, kept as typed (there is no geocoding)
 * @param narrative  what happened, in the call-taker's words
 * @param openAnyway open a new incident even when open incidents like it exist nearby
 */
record IntakeRequest(String callerNumber, String callerName, String typeCode, Integer priority, Double latitude,
                     Double longitude, String address, String narrative, Boolean openAnyway) {

    boolean opensAnyway() {
        return Boolean.TRUE.equals(openAnyway);
    }
}

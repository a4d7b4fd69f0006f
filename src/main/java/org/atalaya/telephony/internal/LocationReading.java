package org.atalaya.telephony.internal;

import org.atalaya.telephony.CallerLocation;

/**
 * What came of reading a call's location: the location, or in plain words why there is none.
 *
 * @param location where the caller is, null when there is no usable location
 * @param problem  why there is no location, null when there is one
 */
record LocationReading(CallerLocation location, String problem) {

    LocationReading {
        if ((location == null) == (problem == null)) {
            throw new IllegalArgumentException("either a location or a problem");
        }
    }

    static LocationReading of(CallerLocation location) {
        return new LocationReading(location, null);
    }

    static LocationReading problem(String problem) {
        return new LocationReading(null, problem);
    }
}

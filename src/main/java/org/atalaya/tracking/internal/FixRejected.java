package org.atalaya.tracking.internal;

/** A report that cannot be a position; the message says why in one line, for the device's log or its installer. */
class FixRejected extends RuntimeException {

    FixRejected(String reason) {
        super(reason, null, false, false);
    }
}

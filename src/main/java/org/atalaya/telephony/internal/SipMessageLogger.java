package org.atalaya.telephony.internal;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;

/**
 * Takes the SIP stack's message log and keeps none of it: every message carries a caller's number, often a location,
 * which are personal data and have no place in a log file. Public because the stack instantiates it by class name.
 */
public final class SipMessageLogger implements ServerLogger {

    public SipMessageLogger() {
    }

    @Override
    public void closeLogFile() {
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
    }

    @Override
    public void logException(Exception e) {
    }

    @Override
    public void setStackProperties(Properties properties) {
    }

    @Override
    public void setSipStack(SipStack stack) {
    }
}

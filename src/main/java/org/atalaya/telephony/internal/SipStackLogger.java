package org.atalaya.telephony.internal;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the SIP stack's own log to SLF4J, so the stack needs no log4j. The stack calls routine things warnings (no TLS
 * key store, a caller closing its connection) and errors, so they come one level lower here. Its info, debug and
 * trace output is dropped on purpose: it prints whole SIP messages, with callers' numbers and locations in them.
 * Public with a public constructor because the stack instantiates it by class name.
 */
public final class SipStackLogger implements StackLogger {

    private static final Logger log = LoggerFactory.getLogger("org.atalaya.telephony.sip-stack");

    public SipStackLogger() {
    }

    @Override
    public boolean isLoggingEnabled() {
        return log.isDebugEnabled();
    }

    @Override
    public boolean isLoggingEnabled(int level) {
        return switch (level) {
            case TRACE_FATAL -> log.isErrorEnabled();
            case TRACE_ERROR -> log.isWarnEnabled();
            case TRACE_WARN -> log.isDebugEnabled();
            default -> false;
        };
    }

    @Override
    public void logFatalError(String message) {
        log.error(message);
    }

    @Override
    public void logError(String message) {
        log.warn(message);
    }

    @Override
    public void logError(String message, Exception e) {
        log.warn("{}: {}", message, String.valueOf(e));
        log.debug(message, e);
    }

    @Override
    public void logWarning(String message) {
        log.debug(message);
    }

    @Override
    public void logException(Throwable e) {
        log.debug("SIP stack exception", e);
    }

    @Override
    public void logInfo(String message) {
    }

    @Override
    public void logDebug(String message) {
    }

    @Override
    public void logDebug(String message, Exception e) {
    }

    @Override
    public void logTrace(String message) {
    }

    @Override
    public void logStackTrace() {
    }

    @Override
    public void logStackTrace(int level) {
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void disableLogging() {
    }

    @Override
    public void enableLogging() {
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
    }

    @Override
    public void setStackProperties(Properties properties) {
    }

    @Override
    public String getLoggerName() {
        return log.getName();
    }
}

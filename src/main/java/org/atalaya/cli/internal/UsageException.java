package org.atalaya.cli.internal;

/** The command line or the configuration cannot be used; the message is the one line the user sees. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}

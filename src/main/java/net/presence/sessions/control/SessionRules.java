package net.presence.sessions.control;

import net.presence.values.InvalidValueException;

import java.time.Duration;
import java.time.Instant;

/** The rules every new session and event obeys, whoever reports it. */
public final class SessionRules {

    /** Clocks drift: a time this far ahead of the server's is still believed. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    public static final int MAX_TYPE_LENGTH = 30;
    public static final int MAX_INFO_LENGTH = 250;

    private SessionRules() {
    }

    /** Event type text: 1 to 30 characters (code points). */
    public static String eventType(String text) {
        int length = text.codePointCount(0, text.length());
        if (text.isBlank() || length > MAX_TYPE_LENGTH) {
            throw new InvalidValueException("a type text of 1 to " + MAX_TYPE_LENGTH + " characters");
        }
        return text;
    }

    /** Info text: at most 250 characters (code points). */
    public static String info(String text) {
        if (text.codePointCount(0, text.length()) > MAX_INFO_LENGTH) {
            throw new InvalidValueException("a text of at most " + MAX_INFO_LENGTH + " characters");
        }
        return text;
    }

    public static boolean isInFuture(Instant time, Instant now) {
        return time.isAfter(now.plus(FUTURE_TOLERANCE));
    }
}

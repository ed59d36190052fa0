package net.presence.sessions.boundary;

import java.time.Instant;

/**
 * Which sessions a listing wants: those of one device (or all, {@code mac == null}) that overlap the
 * window {@code [from, until)} (either end may be open), newest first.
 */
public record SessionQuery(String mac, Instant from, Instant until, int limit, int offset) {

    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 10_000;
}

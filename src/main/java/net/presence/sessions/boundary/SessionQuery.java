package net.presence.sessions.boundary;

import java.time.Instant;
import net.presence.values.MacAddress;

/**
 * Which sessions a listing wants: those of one device (or all, {@code mac == null}) that overlap the
 * window {@code [from, until)} (either end may be open), only the missing ones if asked, newest first.
 */
public record SessionQuery(MacAddress mac, Instant from, Instant until, boolean missingOnly, int limit, int offset) {

    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 10_000;

    public static SessionQuery all(MacAddress mac, Instant from, Instant until) {
        return new SessionQuery(mac, from, until, false, Integer.MAX_VALUE, 0);
    }
}

package net.presence.presence.control;

import java.time.Instant;

/**
 * An observation older than the device's latest event: applying it would rewrite history that
 * later events already built on, so it is refused instead.
 */
public class OutOfOrderException extends RuntimeException {

    private final Instant latest;

    public OutOfOrderException(Instant latest) {
        super("older than the device's latest event", null, false, false);
        this.latest = latest;
    }

    /** The device's latest event, which the observation is older than. */
    public Instant latest() {
        return latest;
    }
}

package net.presence.calendar.control;

import java.time.Instant;

/**
 * What a missing session borrows from its device's other sessions to get a bar of sensible length:
 * the latest disconnection before a missing connection, the earliest connection after a missing
 * disconnection. Asked only for missing sessions (a few percent), so a lookup may cost a query.
 */
public interface Neighbours {

    /** The device's latest disconnection before the instant, or null when there is none. */
    Instant earlierDisconnection(String mac, Instant before);

    /** The device's earliest connection after the instant, or null when there is none. */
    Instant laterConnection(String mac, Instant after);

    /** A device without other sessions: every missing session gets the stand-in length. */
    static Neighbours none() {
        return new Neighbours() {
            @Override
            public Instant earlierDisconnection(String mac, Instant before) {
                return null;
            }

            @Override
            public Instant laterConnection(String mac, Instant after) {
                return null;
            }
        };
    }
}

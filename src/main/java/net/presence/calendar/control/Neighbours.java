package net.presence.calendar.control;

import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;
import net.presence.sessions.entity.Session;

/**
 * What a missing session borrows from its device's other sessions to get a bar of sensible length:
 * the latest disconnection before a missing connection, the earliest connection after a missing
 * disconnection. Only missing sessions (a few percent) have entries, so looking them up costs a
 * query per missing session, not per session.
 */
public record Neighbours(Map<Session, Instant> earlierDisconnections, Map<Session, Instant> laterConnections) {

    public Neighbours {
        // keyed by the very session object: a session without an id (not yet stored) works too
        earlierDisconnections = new IdentityHashMap<>(earlierDisconnections);
        laterConnections = new IdentityHashMap<>(laterConnections);
    }

    public static Neighbours none() {
        return new Neighbours(Map.of(), Map.of());
    }

    /** The device's latest disconnection before this session's, or null when there is none. */
    public Instant earlierDisconnection(Session missingConnection) {
        return earlierDisconnections.get(missingConnection);
    }

    /** The device's earliest connection after this session's, or null when there is none. */
    public Instant laterConnection(Session missingDisconnection) {
        return laterConnections.get(missingDisconnection);
    }
}

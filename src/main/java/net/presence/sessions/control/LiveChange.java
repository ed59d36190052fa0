package net.presence.sessions.control;

import net.presence.sessions.entity.Session;
import net.presence.values.MacAddress;

/**
 * One committed change as the live stream tells it: a session as it now is (opened, closed, voided
 * back open, gone missing), a device whose sessions were deleted, or so many changes at once (an
 * import, a huge scan) that the clients are told to reload instead of being sent each.
 */
public record LiveChange(Kind kind, Session session, MacAddress mac, long count) {

    public enum Kind {
        SESSION, DELETED, RELOAD
    }

    public static LiveChange of(Session session) {
        return new LiveChange(Kind.SESSION, session, session.mac(), 1);
    }

    public static LiveChange deleted(MacAddress mac, long sessions) {
        return new LiveChange(Kind.DELETED, null, mac, sessions);
    }

    public static LiveChange reload(long changes) {
        return new LiveChange(Kind.RELOAD, null, null, changes);
    }
}

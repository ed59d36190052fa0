package net.presence.sessions.control;

import java.time.Instant;
import java.util.Objects;
import net.presence.sessions.entity.EventType;
import net.presence.sessions.entity.Session;
import net.presence.values.IpAddress;
import net.presence.values.MacAddress;
import net.presence.values.Span;

/**
 * A session another system recorded, of any of the contract's four kinds: a missing end has no time
 * and no type; an open session has neither a disconnection time nor a type and is not missing.
 */
public record ImportedSession(MacAddress mac, IpAddress ip, Instant connection, EventType connectionType,
        Instant disconnection, EventType disconnectionType, boolean open, String info) {

    public boolean isMissingConnection() {
        return connection == null;
    }

    public boolean isMissingDisconnection() {
        return !open && disconnection == null;
    }

    /** The time it occupies, by the same rule as a stored session's: a missing session is an instant. */
    public Span span() {
        if (open) {
            return Span.open(connection);
        }
        if (isMissingConnection()) {
            return Span.at(disconnection);
        }
        if (isMissingDisconnection()) {
            return Span.at(connection);
        }
        return new Span(connection, disconnection);
    }

    /** Whether the stored session is this one: what makes a second import of one database change nothing. */
    public boolean sameAs(Session stored) {
        return stored.mac().equals(mac) && stored.ip().equals(ip) && stored.isOpen() == open
                && Objects.equals(stored.connection(), connection)
                && Objects.equals(stored.connectionType(), connectionType)
                && Objects.equals(stored.disconnection(), disconnection)
                && Objects.equals(stored.disconnectionType(), disconnectionType);
    }
}

package net.presence.sessions.entity;

import java.util.Objects;

/**
 * The type of a connection, a disconnection or an event: one of the service's own kinds, or the
 * text a client gave.
 *
 * @param custom the client's text when {@code kind} is {@link EventKind#OTHER}, else null
 */
public record EventType(EventKind kind, String custom) {

    public static final EventType CONNECTED = new EventType(EventKind.CONNECTED, null);
    public static final EventType DISCONNECTED = new EventType(EventKind.DISCONNECTED, null);
    public static final EventType NEW_DEVICE = new EventType(EventKind.NEW_DEVICE, null);
    public static final EventType DEVICE_DOWN = new EventType(EventKind.DEVICE_DOWN, null);
    public static final EventType DOWN_RECONNECTED = new EventType(EventKind.DOWN_RECONNECTED, null);
    public static final EventType IP_CHANGED = new EventType(EventKind.IP_CHANGED, null);

    public EventType {
        Objects.requireNonNull(kind);
        if ((kind == EventKind.OTHER) != (custom != null)) {
            throw new IllegalArgumentException("Only an OTHER event type has a text of its own");
        }
    }

    /** The type a text names: a kind of the service's when it is that kind's text exactly. */
    public static EventType of(String text) {
        EventKind kind = EventKind.ofText(text);
        return kind == EventKind.OTHER ? new EventType(kind, text) : new EventType(kind, null);
    }

    /** Null when either is null: a stored pair of columns, both empty for a missing end. */
    static EventType stored(EventKind kind, String custom) {
        return kind == null ? null : new EventType(kind, kind == EventKind.OTHER ? custom : null);
    }

    public boolean is(EventKind other) {
        return kind == other;
    }

    /** The type as the API shows it. */
    public String text() {
        return custom != null ? custom : kind.text();
    }

    @Override
    public String toString() {
        return text();
    }
}

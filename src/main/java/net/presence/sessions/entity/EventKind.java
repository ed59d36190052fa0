package net.presence.sessions.entity;

/**
 * The kinds of events the service itself records, and {@link #OTHER} for any type text a client
 * chose when it created a session (the contract accepts any text of 1 to 30 characters). Stored as
 * {@link #code()} through {@link EventKindColumn}, so renaming a constant never touches the data.
 */
public enum EventKind {

    CONNECTED("CONNECTED", "Connected"),
    DISCONNECTED("DISCONNECTED", "Disconnected"),
    NEW_DEVICE("NEW_DEVICE", "New Device"),
    DEVICE_DOWN("DEVICE_DOWN", "Device Down"),
    DOWN_RECONNECTED("DOWN_RECONNECTED", "Down Reconnected"),
    IP_CHANGED("IP_CHANGED", "IP Changed"),
    OTHER("OTHER", null);

    /** {@code values()} copies its array on every call, and every row read looks its kinds up here. */
    private static final EventKind[] ALL = values();

    private final String code;
    private final String text;

    EventKind(String code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The value of the KIND columns. */
    public String code() {
        return code;
    }

    /** The type text the API shows; null for {@link #OTHER}, whose text is the client's. */
    public String text() {
        return text;
    }

    static EventKind ofCode(String code) {
        for (EventKind kind : ALL) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalStateException("Unknown event kind in the database: " + code);
    }

    /** The kind whose text this is exactly, or {@link #OTHER}. */
    static EventKind ofText(String text) {
        for (EventKind kind : ALL) {
            if (text.equals(kind.text)) {
                return kind;
            }
        }
        return OTHER;
    }
}

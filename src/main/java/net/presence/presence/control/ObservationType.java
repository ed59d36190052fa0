package net.presence.presence.control;

import java.util.Arrays;
import java.util.stream.Collectors;
import net.presence.sessions.entity.EventType;
import net.presence.values.InvalidValueException;

/** What a scanner can report of a device: the three event types of an observation. */
public enum ObservationType {

    CONNECTED(EventType.CONNECTED),
    DISCONNECTED(EventType.DISCONNECTED),
    DEVICE_DOWN(EventType.DEVICE_DOWN);

    public static final String ACCEPTED = "one of " + Arrays.stream(values())
            .map(type -> "'" + type.eventType.text() + "'").collect(Collectors.joining(", "));

    private final EventType eventType;

    ObservationType(EventType eventType) {
        this.eventType = eventType;
    }

    /** The type as the API spells it; any case is accepted, as for MACs. */
    public static ObservationType parse(String text) {
        for (ObservationType type : values()) {
            if (type.eventType.text().equalsIgnoreCase(text)) {
                return type;
            }
        }
        throw new InvalidValueException(ACCEPTED);
    }

    /** The event type stored for it. */
    public EventType eventType() {
        return eventType;
    }

    public boolean isConnection() {
        return this == CONNECTED;
    }
}

package net.presence.presence.control;

import java.util.Arrays;
import java.util.stream.Collectors;
import net.presence.values.InvalidValueException;
import net.presence.sessions.entity.Event;

/** What a scanner can report of a device: the three event types of an observation. */
public enum ObservationType {

    CONNECTED(Event.CONNECTED),
    DISCONNECTED(Event.DISCONNECTED),
    DEVICE_DOWN(Event.DEVICE_DOWN);

    public static final String ACCEPTED = "one of " + Arrays.stream(values())
            .map(type -> "'" + type.text + "'").collect(Collectors.joining(", "));

    private final String text;

    ObservationType(String text) {
        this.text = text;
    }

    /** The type as the API spells it; any case is accepted, as for MACs. */
    public static ObservationType parse(String text) {
        for (ObservationType type : values()) {
            if (type.text.equalsIgnoreCase(text)) {
                return type;
            }
        }
        throw new InvalidValueException(ACCEPTED);
    }

    /** The event type stored for it. */
    public String text() {
        return text;
    }

    public boolean isConnection() {
        return this == CONNECTED;
    }
}

package net.presence.sessions.control;

import net.presence.values.InvalidValueException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of rows a session-events summary can list, and totals can count. */
public enum Summary {
    /** Every event. */
    ALL,
    /** Sessions overlapping the window. */
    SESSIONS,
    /** Sessions overlapping the window with a missing connection or disconnection. */
    MISSING,
    /** Events of flaps: their type starts with VOIDED. */
    VOIDED,
    /** New Device events. */
    NEW,
    /** Device Down events. */
    DOWN;

    public static final String ACCEPTED = "one of " + Arrays.stream(values()).map(Summary::id)
            .collect(Collectors.joining(", ")) + " (any case)";

    public static Summary parse(String text) {
        for (Summary summary : values()) {
            if (summary.name().equalsIgnoreCase(text.strip())) {
                return summary;
            }
        }
        throw new InvalidValueException(ACCEPTED);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the rows are sessions rather than events. */
    public boolean listsSessions() {
        return this == SESSIONS || this == MISSING;
    }
}

package net.presence.presence.control;

import java.util.Locale;

/** What an observation did, as the API names it. */
public enum Effect {

    OPENED,
    CLOSED,
    REPEATED,
    IP_CHANGED,
    VOIDED,
    MISSING_CONNECTION;

    /** {@code opened}, {@code ip_changed}...: the name in responses. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package net.presence.calendar.control;

import java.util.Arrays;
import net.presence.sessions.entity.Session;

/** The calendar's colours (docs/API.md §4), one per kind of bar, with the words the page's legend shows. */
public enum Legend {

    CLOSED("#0073b7", "Closed session"),
    OPEN("#00a659", "Still connected"),
    MISSING("#f39c12", "Missing connection or disconnection");

    private final String color;
    private final String label;

    Legend(String color, String label) {
        this.color = color;
        this.label = label;
    }

    public static Legend of(Session session) {
        return of(session.isMissing(), session.isOpen());
    }

    public static Legend of(boolean missing, boolean open) {
        if (missing) {
            return MISSING;
        }
        return open ? OPEN : CLOSED;
    }

    public static Legend ofColor(String color) {
        return Arrays.stream(values()).filter(kind -> kind.color.equalsIgnoreCase(color)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a calendar colour: " + color));
    }

    public String color() {
        return color;
    }

    public String label() {
        return label;
    }

    /** The CSS class that paints a bar or a legend swatch in this colour. */
    public String cssClass() {
        return "kind-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}

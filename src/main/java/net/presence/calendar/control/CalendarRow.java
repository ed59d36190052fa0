package net.presence.calendar.control;

import java.time.Instant;
import net.presence.sessions.entity.Session;

/**
 * What a bar needs of a stored session, and nothing more: the calendar reads these few columns row
 * by row instead of whole entities, so that a week of every device never has to sit in memory.
 * {@code connection} is null when it is missing; {@code disconnection} is null while open and when it
 * is missing.
 */
public record CalendarRow(String mac, String ip, Instant connection, Instant disconnection, boolean open) {

    public static CalendarRow of(Session session) {
        return new CalendarRow(session.mac().toString(), session.ip().toString(), session.connection(),
                session.disconnection(), session.isOpen());
    }

    public boolean isMissingConnection() {
        return connection == null;
    }

    public boolean isMissingDisconnection() {
        return !open && disconnection == null;
    }

    public Legend legend() {
        return Legend.of(isMissingConnection() || isMissingDisconnection(), open);
    }
}

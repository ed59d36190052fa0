package net.presence.calendar.boundary;

import java.time.Instant;
import net.presence.calendar.control.Legend;
import net.presence.sessions.entity.Session;
import net.presence.values.DisplayFormat;

/**
 * One row of the device page's session table: the list's (docs/API.md §7) display times, duration,
 * IP and event types, and the calendar colour of its kind.
 */
public record SessionLine(String connection, String disconnection, String duration, String ip, String connectionType,
        String disconnectionType, String info, Legend kind) {

    static SessionLine of(Session session, DisplayFormat format, Instant now) {
        Instant connected = session.connection();
        Instant end = session.isOpen() ? now : session.disconnection();
        String duration = connected == null || end == null ? "" : DisplayFormat.duration(DisplayFormat.durationSeconds(connected, end));
        return new SessionLine(
                connected == null ? DisplayFormat.MISSING : format.display(connected),
                session.isOpen() ? DisplayFormat.STILL_CONNECTED
                        : session.disconnection() == null ? DisplayFormat.MISSING : format.display(session.disconnection()),
                duration,
                session.ip().toString(),
                session.isMissingConnection() ? DisplayFormat.MISSING : session.connectionType().text(),
                session.isOpen() ? "" : session.isMissingDisconnection() ? DisplayFormat.MISSING : session.disconnectionType().text(),
                session.info(),
                Legend.of(session));
    }
}

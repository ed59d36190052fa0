package net.presence.calendar.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import net.presence.values.DisplayFormat;
import net.presence.sessions.entity.Session;

/**
 * Turns sessions into calendar bars (docs/API.md §8). A bar always has both ends, even where the session
 * lacks one: an open session runs to now; a missing connection starts at the device's previous
 * disconnection, else an hour before its end; a missing disconnection ends at the device's next
 * connection, else an hour after its start. Bars are ordered by MAC, then by where they start.
 */
public final class CalendarAssembler {

    /** The stand-in length of a missing session that has no neighbour to borrow a time from. */
    static final Duration STAND_IN = Duration.ofHours(1);

    private final DisplayFormat format;
    private final Instant now;

    public CalendarAssembler(DisplayFormat format, Instant now) {
        this.format = format;
        this.now = now;
    }

    public List<CalendarEvent> events(List<Session> sessions, Neighbours neighbours) {
        return sessions.stream()
                .map(session -> new Bar(session, start(session, neighbours), end(session, neighbours)))
                .sorted(Comparator.comparing((Bar bar) -> bar.session.mac()).thenComparing(bar -> bar.start))
                .map(this::event)
                .toList();
    }

    private Instant start(Session session, Neighbours neighbours) {
        return barStart(session.connection(), session.disconnection(),
                session.isMissingConnection() ? neighbours.earlierDisconnection(session) : null);
    }

    private Instant end(Session session, Neighbours neighbours) {
        return barEnd(session.isOpen(), session.connection(), session.disconnection(),
                session.isMissingDisconnection() ? neighbours.laterConnection(session) : null, now);
    }

    /**
     * Where a bar starts, from a session's stored times: its connection; when that is missing, the
     * device's previous disconnection ({@code earlierDisconnection}, null when there is none), else
     * an hour before the session's end. Public so that every count of connected time (presence,
     * occupancy) stands in for a missing end exactly as the calendar draws it.
     */
    public static Instant barStart(Instant connection, Instant disconnection, Instant earlierDisconnection) {
        if (connection != null) {
            return connection;
        }
        return earlierDisconnection != null ? earlierDisconnection : disconnection.minus(STAND_IN);
    }

    /**
     * Where a bar ends: now while open; its disconnection; when that is missing, the device's next
     * connection ({@code laterConnection}, null when there is none), else an hour after its start.
     */
    public static Instant barEnd(boolean open, Instant connection, Instant disconnection, Instant laterConnection, Instant now) {
        if (open) {
            return now;
        }
        if (disconnection != null) {
            return disconnection;
        }
        return laterConnection != null ? laterConnection : connection.plus(STAND_IN);
    }

    private CalendarEvent event(Bar bar) {
        Session session = bar.session;
        return new CalendarEvent(session.mac().toString(), "", "no-border", Legend.of(session).color(),
                format.wall(bar.start), format.wall(bar.end), tooltip(session));
    }

    private String tooltip(Session session) {
        String connection = session.isMissingConnection() ? DisplayFormat.MISSING : format.display(session.connection());
        String disconnection = session.isOpen() ? DisplayFormat.STILL_CONNECTED
                : session.isMissingDisconnection() ? DisplayFormat.MISSING : format.display(session.disconnection());
        return "Connection: " + connection + "\nDisconnection: " + disconnection + "\nIP: " + session.ip();
    }

    private record Bar(Session session, Instant start, Instant end) {
    }
}

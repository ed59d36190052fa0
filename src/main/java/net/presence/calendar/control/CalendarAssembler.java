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
        if (!session.isMissingConnection()) {
            return session.connection();
        }
        Instant earlier = neighbours.earlierDisconnection(session);
        return earlier != null ? earlier : session.disconnection().minus(STAND_IN);
    }

    private Instant end(Session session, Neighbours neighbours) {
        if (session.isOpen()) {
            return now;
        }
        if (!session.isMissingDisconnection()) {
            return session.disconnection();
        }
        Instant later = neighbours.laterConnection(session);
        return later != null ? later : session.connection().plus(STAND_IN);
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

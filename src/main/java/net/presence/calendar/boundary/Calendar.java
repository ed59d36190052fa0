package net.presence.calendar.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.presence.calendar.control.CalendarAssembler;
import net.presence.calendar.control.CalendarEvent;
import net.presence.calendar.control.CalendarRow;
import net.presence.calendar.control.Neighbours;
import net.presence.security.Roles;
import net.presence.values.DisplayFormat;
import net.presence.sessions.boundary.Reads;
import net.presence.sessions.entity.Session;

/**
 * The calendar facade, the one component behind both the JSON endpoint and the page: whatever one
 * shows for a window, the other shows too. One read-only transaction per window.
 */
@Stateless
@RolesAllowed(Roles.READ)
public class Calendar {

    /** Rows read, and then released, at a time: what the answer holds of the database's result at most. */
    static final int PAGE_SIZE = 500;

    @PersistenceContext
    EntityManager em;

    /** The window's bars as one list, for the page. */
    public List<CalendarEvent> events(CalendarWindow window) {
        List<CalendarEvent> events = new ArrayList<>();
        events(window, events::add);
        return events;
    }

    /**
     * The window's bars one at a time, in the calendar's order, handed to {@code out} while the rows
     * are read: the endpoint writes each to the response within this transaction, and a week of every
     * device never exists in memory at once.
     */
    public void events(CalendarWindow window, Consumer<? super CalendarEvent> out) {
        Instant now = Instant.now();
        CalendarAssembler.Sink bars = new CalendarAssembler(new DisplayFormat(window.zone()), now).sink(neighbours(), out);
        Reads.forEach(overlapping(window, now), PAGE_SIZE, row -> bars.accept(row((Object[]) row)));
        bars.finish();
    }

    /**
     * Sessions whose known span meets the window (see {@link Session} for spanStart and spanEnd), as
     * the few columns a bar needs, all of a device's together.
     */
    private TypedQuery<Object[]> overlapping(CalendarWindow window, Instant now) {
        StringBuilder jpql = new StringBuilder("SELECT s.mac, s.ip, s.connectedAt, s.disconnectedAt, s.spanEnd FROM Session s"
                + " WHERE s.spanStart < :until AND s.spanEnd > :from");
        if (window.mac() != null) {
            jpql.append(" AND s.mac = :mac");
        }
        boolean future = !window.from().isBefore(now);
        if (future) {
            // an open session reaches only to now, not into a window that starts later
            jpql.append(" AND s.spanEnd <> :open");
        }
        TypedQuery<Object[]> query = em.createQuery(jpql.append(" ORDER BY s.mac, s.spanStart").toString(), Object[].class)
                .setParameter("until", window.until().toEpochMilli())
                .setParameter("from", window.from().toEpochMilli());
        if (window.mac() != null) {
            query.setParameter("mac", window.mac().toString());
        }
        if (future) {
            query.setParameter("open", Session.OPEN);
        }
        return Reads.window(query);
    }

    private static CalendarRow row(Object[] columns) {
        return new CalendarRow((String) columns[0], (String) columns[1], Bars.instant(columns[2]), Bars.instant(columns[3]),
                ((Number) columns[4]).longValue() == Session.OPEN);
    }

    /** One small indexed query per missing session (the same as {@link Bars}); the others need nothing. */
    private Neighbours neighbours() {
        return new Neighbours() {
            @Override
            public Instant earlierDisconnection(String mac, Instant before) {
                return Bars.earlierDisconnection(em, mac, before);
            }

            @Override
            public Instant laterConnection(String mac, Instant after) {
                return Bars.laterConnection(em, mac, after);
            }
        };
    }
}

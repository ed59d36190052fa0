package net.presence.calendar.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Rows EclipseLink reads, and then releases, at a time. */
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
     * The window's bars one at a time, in the calendar's order, handed to {@code out}: the endpoint
     * writes each to the response within this transaction, so no answer is ever held whole. The
     * rows are grouped by device here rather than by an {@code ORDER BY}: Derby sorts more than a
     * thousand rows in temporary files, and that sort was most of a week's cost (a week of 2,000
     * devices is 20,000 rows). Held as five values each, they are a few megabytes.
     */
    public void events(CalendarWindow window, Consumer<? super CalendarEvent> out) {
        Instant now = Instant.now();
        Map<String, List<CalendarRow>> devices = new HashMap<>();
        Reads.forEach(overlapping(window, now), PAGE_SIZE, values -> {
            CalendarRow row = row((Object[]) values);
            devices.computeIfAbsent(row.mac(), mac -> new ArrayList<>()).add(row);
        });
        CalendarAssembler.Sink bars = new CalendarAssembler(new DisplayFormat(window.zone()), now).sink(neighbours(), out);
        devices.keySet().stream().sorted().forEach(mac -> devices.get(mac).forEach(bars));
        bars.finish();
    }

    /**
     * Sessions whose known span meets the window (see {@link Session} for spanStart and spanEnd), as
     * the few columns a bar needs, in no particular order.
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
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class)
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

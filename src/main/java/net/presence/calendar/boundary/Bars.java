package net.presence.calendar.boundary;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.presence.calendar.control.CalendarAssembler;
import net.presence.calendar.control.ConnectedSpan;
import net.presence.sessions.boundary.Reads;
import net.presence.sessions.entity.Session;
import net.presence.values.MacAddress;

/**
 * The calendar's bars as bare spans, for counting connected time: the sessions the calendar shows
 * for a window (stored span overlapping it), each with the calendar's own stand-ins for an open
 * session or a missing end ({@link CalendarAssembler#barStart}, {@link CalendarAssembler#barEnd}),
 * and the same neighbour lookups as the calendar. Only the columns needed are read, not whole rows.
 */
final class Bars {

    private Bars() {
    }

    static List<ConnectedSpan> of(EntityManager em, Instant from, Instant until, MacAddress mac, Instant now) {
        StringBuilder jpql = new StringBuilder("SELECT s.mac, s.connectedAt, s.disconnectedAt, s.spanEnd FROM Session s"
                + " WHERE s.spanStart < :until AND s.spanEnd > :from");
        if (mac != null) {
            jpql.append(" AND s.mac = :mac");
        }
        boolean future = !from.isBefore(now);
        if (future) {
            jpql.append(" AND s.spanEnd <> :open");
        }
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class)
                .setParameter("until", until.toEpochMilli())
                .setParameter("from", from.toEpochMilli());
        if (mac != null) {
            query.setParameter("mac", mac.toString());
        }
        if (future) {
            query.setParameter("open", Session.OPEN);
        }
        // one device's sessions are few and found by its index; all devices' need the window's values
        List<Object[]> rows = (mac == null ? Reads.window(query) : Reads.readOnly(query)).getResultList();
        List<ConnectedSpan> bars = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            String device = (String) row[0];
            Instant connection = instant(row[1]);
            Instant disconnection = instant(row[2]);
            boolean open = ((Number) row[3]).longValue() == Session.OPEN;
            Instant earlier = connection == null ? earlierDisconnection(em, device, disconnection) : null;
            Instant later = !open && disconnection == null ? laterConnection(em, device, connection) : null;
            Instant start = CalendarAssembler.barStart(connection, disconnection, earlier);
            Instant end = CalendarAssembler.barEnd(open, connection, disconnection, later, now);
            bars.add(new ConnectedSpan(device, start.toEpochMilli(), Math.max(start.toEpochMilli(), end.toEpochMilli())));
        }
        return bars;
    }

    /** The device's latest disconnection before the instant, or null: where a missing connection's bar starts. */
    static Instant earlierDisconnection(EntityManager em, String mac, Instant at) {
        return neighbour(em, "SELECT MAX(s.disconnectedAt) FROM Session s WHERE s.mac = :mac AND s.disconnectedAt < :at", mac, at);
    }

    /** The device's earliest connection after the instant, or null: where a missing disconnection's bar ends. */
    static Instant laterConnection(EntityManager em, String mac, Instant at) {
        return neighbour(em, "SELECT MIN(s.connectedAt) FROM Session s WHERE s.mac = :mac AND s.connectedAt > :at", mac, at);
    }

    private static Instant neighbour(EntityManager em, String jpql, String mac, Instant at) {
        Long millis = em.createQuery(jpql, Long.class).setParameter("mac", mac).setParameter("at", at.toEpochMilli()).getSingleResult();
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    static Instant instant(Object millis) {
        return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
    }
}

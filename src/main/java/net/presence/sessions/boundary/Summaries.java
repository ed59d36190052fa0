package net.presence.sessions.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.presence.security.Roles;
import net.presence.sessions.control.Summary;
import net.presence.sessions.entity.Event;
import net.presence.sessions.entity.EventKind;
import net.presence.sessions.entity.Session;

/**
 * What happened in a period: events of a kind, sessions, and the counts of each. Paging and
 * counting happen in the database, along indexes in the answers' order; nothing is loaded to be
 * counted, and counts read indexes, not rows.
 */
@Stateless
@RolesAllowed(Roles.READ)
public class Summaries {

    @PersistenceContext
    EntityManager em;

    @EJB
    Sessions sessions;

    /** Events of a kind that happened in {@code [from, until]}, newest first. */
    public Page<Event> events(Summary kind, Instant from, Instant until, int limit, int offset) {
        List<Event> page = newestFirst("EVENTS", "OCCURRED_AT", eventsIn(kind), from.toEpochMilli(), until.toEpochMilli(),
                Event.class, limit, offset);
        long total = offset == 0 && page.size() < limit ? page.size() : countEvents(kind, from, until);
        return new Page<>(total, page);
    }

    /**
     * Sessions overlapping {@code [from, until]}, or only the missing ones, newest first.
     * <p>
     * The overlapping sessions are those that start in the window, then those that began before it
     * and reach into it (at most one per device: a device's sessions never overlap). Newest first,
     * the first kind all come before the second, so a page is read from the first, newest first
     * along {@code SESSIONS_START_ID}, and only the last pages reach into the second. One query over
     * both would be an overlap test that no index orders: Derby read and sorted the whole window
     * for every page.
     */
    public Page<Session> sessions(Summary kind, Instant from, Instant until, int limit, int offset) {
        SessionQuery query = query(kind, from, until, limit, offset);
        if (kind != Summary.SESSIONS || !from.isBefore(until)) {
            return sessions.list(query);
        }
        long start = from.toEpochMilli();
        long end = query.until().toEpochMilli();
        // markers are safe here, unlike in Reads#window: a range of starts in the answer's order has
        // one index, and the count below one index that holds all it reads
        String starting = " WHERE SPAN_START >= ?1 AND SPAN_START < ?2";
        List<Session> page = new ArrayList<>(newestFirst("SESSIONS", "SPAN_START", starting, start, end, Session.class, limit, offset));
        if (page.size() < limit) {
            // the page reaches past the sessions that start in the window: skip what is left of the offset
            long skip = page.isEmpty() && offset > 0 ? offset - count("SELECT COUNT(*) FROM SESSIONS" + starting, start, end) : 0;
            // the bounds as values here: with markers Derby cannot tell the few sessions that reach
            // into the window by their end from all of history by their start (see Reads#window)
            @SuppressWarnings("unchecked")
            List<Session> earlier = Reads.readOnly(em.createNativeQuery("SELECT * FROM SESSIONS WHERE SPAN_END > " + start
                    + " AND SPAN_START < " + start + " ORDER BY SPAN_START DESC, ID DESC OFFSET " + skip
                    + " ROWS FETCH NEXT " + (limit - page.size()) + " ROWS ONLY", Session.class)).getResultList();
            page.addAll(earlier);
        }
        long total = offset == 0 && page.size() < limit ? page.size() : countSessions(from, query.until())[0];
        return new Page<>(total, page);
    }

    /**
     * The counts of the six types, in two reads of an index each: the events' kinds and voided marks
     * beside their time in {@code EVENTS_AT_ID}, the sessions' ends, starts and missing marks in
     * {@code SESSIONS_END_COVER}.
     */
    public Map<Summary, Long> totals(Instant from, Instant until) {
        Map<Summary, Long> totals = new EnumMap<>(Summary.class);
        if (!from.isBefore(until)) {
            for (Summary kind : Summary.values()) {
                totals.put(kind, kind.listsSessions() ? sessions.count(query(kind, from, until, 1, 0)) : countEvents(kind, from, until));
            }
            return totals;
        }
        Object[] events = (Object[]) bound("SELECT COUNT(*),"
                + " SUM(CASE WHEN VOIDED = TRUE THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN KIND = '" + EventKind.NEW_DEVICE.code() + "' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN KIND = '" + EventKind.DEVICE_DOWN.code() + "' THEN 1 ELSE 0 END)"
                + " FROM EVENTS" + eventsIn(Summary.ALL), from.toEpochMilli(), until.toEpochMilli()).getSingleResult();
        totals.put(Summary.ALL, number(events[0]));
        totals.put(Summary.VOIDED, number(events[1]));
        totals.put(Summary.NEW, number(events[2]));
        totals.put(Summary.DOWN, number(events[3]));
        long[] overlapping = countSessions(from, query(Summary.SESSIONS, from, until, 1, 0).until());
        totals.put(Summary.SESSIONS, overlapping[0]);
        totals.put(Summary.MISSING, overlapping[1]);
        return totals;
    }

    /**
     * One page of a table's rows in {@code where}, newest first by {@code time} then id, along an
     * index in that order. A page at an offset first finds its first row's key in the index alone,
     * then reads its rows from there: {@code OFFSET} on the rows themselves would fetch every
     * skipped row from the table only to drop it.
     */
    @SuppressWarnings("unchecked")
    private <T> List<T> newestFirst(String table, String time, String where, long from, long until, Class<T> type,
            int limit, int offset) {
        String order = " ORDER BY " + time + " DESC, ID DESC";
        if (offset == 0) {
            return Reads.readOnly(bound(em.createNativeQuery("SELECT * FROM " + table + where + order
                    + " FETCH FIRST " + limit + " ROWS ONLY", type), from, until)).getResultList();
        }
        List<Object[]> first = bound(em.createNativeQuery("SELECT " + time + ", ID FROM " + table + where + order
                + " OFFSET " + offset + " ROWS FETCH NEXT 1 ROWS ONLY"), from, until).getResultList();
        if (first.isEmpty()) {
            return List.of();
        }
        long at = number(first.get(0)[0]);
        return Reads.readOnly(bound(em.createNativeQuery("SELECT * FROM " + table + where + " AND " + time + " <= ?3 AND ("
                + time + " < ?4 OR ID <= ?5)" + order + " FETCH FIRST " + limit + " ROWS ONLY", type),
                from, until, at, at, number(first.get(0)[1]))).getResultList();
    }

    /** A native query of the text, its markers {@code ?1, ?2...} bound to the values. */
    private Query bound(String sql, long... values) {
        return bound(em.createNativeQuery(sql), values);
    }

    private static Query bound(Query query, long... values) {
        for (int i = 0; i < values.length; i++) {
            query.setParameter(i + 1, values[i]);
        }
        return query;
    }

    /**
     * The sessions overlapping {@code [from, until)} and the missing ones among them, from
     * {@code SESSIONS_END_COVER} alone (the condition of {@link Sessions#list} for a window that
     * starts before now).
     */
    private long[] countSessions(Instant from, Instant until) {
        Object[] counts = (Object[]) bound("SELECT COUNT(*), SUM(CASE WHEN CONNECTED_AT IS NULL"
                + " OR (DISCONNECTED_AT IS NULL AND SPAN_END <> " + Session.OPEN + ") THEN 1 ELSE 0 END)"
                + " FROM SESSIONS WHERE SPAN_END > ?1 AND SPAN_START < ?2", from.toEpochMilli(), until.toEpochMilli())
                .getSingleResult();
        return new long[] {number(counts[0]), number(counts[1])};
    }

    private long count(String sql, long... values) {
        return number(bound(sql, values).getSingleResult());
    }

    /** A count or sum as the driver gives it: Derby's INTEGER, PostgreSQL's BIGINT, or null over no rows. */
    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static SessionQuery query(Summary kind, Instant from, Instant until, int limit, int offset) {
        // the window includes its last instant: a session starting exactly then is in it
        return new SessionQuery(null, from, until.plusMillis(1), kind == Summary.MISSING, limit, offset);
    }

    private long countEvents(Summary kind, Instant from, Instant until) {
        return count("SELECT COUNT(*) FROM EVENTS" + eventsIn(kind), from.toEpochMilli(), until.toEpochMilli());
    }

    /**
     * The SQL condition of a period's events of a kind, the window's bounds as markers {@code ?1} and
     * {@code ?2}: the text is the same for every request, so Derby compiles it once, and
     * {@code EVENTS_AT_ID} is the one index a window of time can take, so the plan does not depend on
     * the values (for sessions with their two time indexes it can: {@link Reads#window}). A
     * boolean written by the JPA provider would come out as a number Derby refuses to compare, so the
     * kind is written into the text: one of the fixed kind codes, never text from a client.
     */
    private static String eventsIn(Summary kind) {
        String window = " WHERE OCCURRED_AT >= ?1 AND OCCURRED_AT <= ?2";
        return switch (kind) {
            case VOIDED -> window + " AND VOIDED = TRUE";
            case NEW -> window + " AND KIND = '" + EventKind.NEW_DEVICE.code() + "'";
            case DOWN -> window + " AND KIND = '" + EventKind.DEVICE_DOWN.code() + "'";
            default -> window;
        };
    }
}

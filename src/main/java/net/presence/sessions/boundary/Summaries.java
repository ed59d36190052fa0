package net.presence.sessions.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
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
 * counting happen in the database; nothing is loaded to be counted.
 */
@Stateless
@RolesAllowed(Roles.READ)
public class Summaries {

    @PersistenceContext
    EntityManager em;

    @EJB
    Sessions sessions;

    /** Events of a kind that happened in {@code [from, until]}, newest first. */
    @SuppressWarnings("unchecked")
    public Page<Event> events(Summary kind, Instant from, Instant until, int limit, int offset) {
        List<Event> page = Reads.readOnly(em.createNativeQuery("SELECT * FROM EVENTS" + eventsIn(kind, from, until)
                + " ORDER BY OCCURRED_AT DESC, ID DESC OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY",
                Event.class)).getResultList();
        long total = offset == 0 && page.size() < limit ? page.size() : countEvents(kind, from, until);
        return new Page<>(total, page);
    }

    /** Sessions overlapping {@code [from, until]}, or only the missing ones, newest first. */
    public Page<Session> sessions(Summary kind, Instant from, Instant until, int limit, int offset) {
        return sessions.list(query(kind, from, until, limit, offset));
    }

    public Map<Summary, Long> totals(Instant from, Instant until) {
        Map<Summary, Long> totals = new EnumMap<>(Summary.class);
        for (Summary kind : Summary.values()) {
            totals.put(kind, kind.listsSessions()
                    ? sessions.count(query(kind, from, until, 1, 0))
                    : countEvents(kind, from, until));
        }
        return totals;
    }

    private static SessionQuery query(Summary kind, Instant from, Instant until, int limit, int offset) {
        // the window includes its last instant: a session starting exactly then is in it
        return new SessionQuery(null, from, until.plusMillis(1), kind == Summary.MISSING, limit, offset);
    }

    private long countEvents(Summary kind, Instant from, Instant until) {
        Object count = em.createNativeQuery("SELECT COUNT(*) FROM EVENTS" + eventsIn(kind, from, until)).getSingleResult();
        return ((Number) count).longValue();
    }

    /**
     * The SQL condition of a period's events of a kind, with every value written into it: Derby needs
     * the window's bounds as values to take the small range of the time index (see {@link Reads#window}),
     * and a boolean written by the JPA provider would come out as a number Derby refuses to compare.
     * Every value is a number or one of the fixed kind codes, never text from a client.
     */
    private static String eventsIn(Summary kind, Instant from, Instant until) {
        String window = " WHERE OCCURRED_AT >= " + from.toEpochMilli() + " AND OCCURRED_AT <= " + until.toEpochMilli();
        return switch (kind) {
            case VOIDED -> window + " AND VOIDED = TRUE";
            case NEW -> window + " AND KIND = '" + EventKind.NEW_DEVICE.code() + "'";
            case DOWN -> window + " AND KIND = '" + EventKind.DEVICE_DOWN.code() + "'";
            default -> window;
        };
    }
}

package net.presence.sessions.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
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
    public Page<Event> events(Summary kind, Instant from, Instant until, int limit, int offset) {
        TypedQuery<Event> rows = em.createQuery("SELECT e FROM Event e" + where(kind)
                + " ORDER BY e.occurredAt DESC, e.id DESC", Event.class);
        bind(rows, kind, from, until);
        List<Event> page = Reads.window(rows).setFirstResult(offset).setMaxResults(limit).getResultList();
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
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM Event e" + where(kind), Long.class);
        bind(count, kind, from, until);
        return Reads.window(count).getSingleResult();
    }

    private static String where(Summary kind) {
        String window = " WHERE e.occurredAt >= :from AND e.occurredAt <= :until";
        return switch (kind) {
            case VOIDED -> window + " AND e.voided = TRUE";
            case NEW, DOWN -> window + " AND e.kind = :kind";
            default -> window;
        };
    }

    private static void bind(TypedQuery<?> query, Summary kind, Instant from, Instant until) {
        query.setParameter("from", from.toEpochMilli()).setParameter("until", until.toEpochMilli());
        switch (kind) {
            case NEW -> query.setParameter("kind", EventKind.NEW_DEVICE);
            case DOWN -> query.setParameter("kind", EventKind.DEVICE_DOWN);
            default -> {
            }
        }
    }
}

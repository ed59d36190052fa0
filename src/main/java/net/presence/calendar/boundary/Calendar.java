package net.presence.calendar.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.presence.calendar.control.CalendarAssembler;
import net.presence.calendar.control.CalendarEvent;
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

    @PersistenceContext
    EntityManager em;

    public List<CalendarEvent> events(CalendarWindow window) {
        Instant now = Instant.now();
        List<Session> sessions = overlapping(window, now);
        return new CalendarAssembler(new DisplayFormat(window.zone()), now).events(sessions, neighbours(sessions));
    }

    /** Sessions whose known span meets the window; see {@link Session} for spanStart and spanEnd. */
    private List<Session> overlapping(CalendarWindow window, Instant now) {
        StringBuilder jpql = new StringBuilder("SELECT s FROM Session s WHERE s.spanStart < :until AND s.spanEnd > :from");
        if (window.mac() != null) {
            jpql.append(" AND s.mac = :mac");
        }
        boolean future = !window.from().isBefore(now);
        if (future) {
            // an open session reaches only to now, not into a window that starts later
            jpql.append(" AND s.spanEnd <> :open");
        }
        TypedQuery<Session> query = em.createQuery(jpql.append(" ORDER BY s.mac, s.spanStart").toString(), Session.class)
                .setParameter("until", window.until().toEpochMilli())
                .setParameter("from", window.from().toEpochMilli());
        if (window.mac() != null) {
            query.setParameter("mac", window.mac().toString());
        }
        if (future) {
            query.setParameter("open", Session.OPEN);
        }
        return Reads.window(query).getResultList();
    }

    /** One small indexed query per missing session (the same as {@link Bars}); the others need nothing. */
    private Neighbours neighbours(List<Session> sessions) {
        Map<Session, Instant> earlier = new HashMap<>();
        Map<Session, Instant> later = new HashMap<>();
        for (Session session : sessions) {
            if (session.isMissingConnection()) {
                put(earlier, session, Bars.earlierDisconnection(em, session.mac().toString(), session.disconnection()));
            } else if (session.isMissingDisconnection()) {
                put(later, session, Bars.laterConnection(em, session.mac().toString(), session.connection()));
            }
        }
        return new Neighbours(earlier, later);
    }

    private static void put(Map<Session, Instant> found, Session session, Instant neighbour) {
        if (neighbour != null) {
            found.put(session, neighbour);
        }
    }
}

package net.presence.sessions.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import net.presence.platform.Settings;
import net.presence.problems.ApiProblem;
import net.presence.security.Roles;
import net.presence.values.DisplayFormat;
import net.presence.sessions.control.NewSession;
import net.presence.values.Span;
import net.presence.sessions.entity.Device;
import net.presence.sessions.entity.Event;
import net.presence.sessions.entity.Session;

/** The sessions facade: each method is one transaction and names the role it needs. */
@Stateless
public class Sessions {

    @PersistenceContext
    EntityManager em;

    @EJB
    Devices devices;

    @Inject
    Settings settings;

    @RolesAllowed(Roles.ADMIN)
    public Session create(NewSession wanted) {
        Device device = devices.lock(wanted.mac());
        Span span = wanted.span();
        for (Session existing : near(wanted.mac(), span)) {
            if (existing.span().overlaps(span)) {
                throw ApiProblem.conflict(conflictMessage(wanted, existing));
            }
        }
        Session session = wanted.end() == null
                ? Session.open(wanted.mac(), wanted.ip(), wanted.info(), wanted.start(), wanted.connectionType())
                : Session.closed(wanted.mac(), wanted.ip(), wanted.info(), wanted.start(), wanted.connectionType(),
                        wanted.end(), wanted.disconnectionType());
        em.persist(session);
        em.persist(new Event(wanted.mac(), wanted.ip(), wanted.start(), wanted.connectionType(), wanted.info()));
        device.recordEvent(wanted.start(), wanted.ip());
        if (wanted.end() != null) {
            em.persist(new Event(wanted.mac(), wanted.ip(), wanted.end(), wanted.disconnectionType(), ""));
            device.recordEvent(wanted.end(), wanted.ip());
        }
        return session;
    }

    /** Removes every session and event of a device; the number of sessions removed. */
    @RolesAllowed(Roles.ADMIN)
    public int delete(String mac) {
        Device device = devices.lock(mac);
        int deleted = em.createNamedQuery("Session.deleteOfDevice").setParameter("mac", mac).executeUpdate();
        em.createNamedQuery("Event.deleteOfDevice").setParameter("mac", mac).executeUpdate();
        device.forget();
        return deleted;
    }

    @RolesAllowed(Roles.READ)
    public Page<Session> list(SessionQuery query) {
        Selection selection = select(query);
        TypedQuery<Session> rows = em.createQuery("SELECT s FROM Session s" + selection.where()
                + " ORDER BY s.spanStart DESC, s.id DESC", Session.class);
        selection.parameters().forEach(rows::setParameter);
        // one device's sessions are few and found by its index; all devices' need the window's values
        List<Session> page = (query.mac() == null ? Reads.window(rows) : Reads.readOnly(rows))
                .setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList();
        // a first page that is not full holds every match: no need to count them again
        long total = query.offset() == 0 && page.size() < query.limit() ? page.size() : count(selection);
        return new Page<>(total, page);
    }

    @RolesAllowed(Roles.READ)
    public long count(SessionQuery query) {
        return count(select(query));
    }

    private long count(Selection selection) {
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(s) FROM Session s" + selection.where(), Long.class);
        selection.parameters().forEach(count::setParameter);
        return Reads.window(count).getSingleResult();
    }

    private record Selection(String where, Map<String, Object> parameters) {
    }

    /** The JPQL condition of a query; every test is an index range on the session columns. */
    private static Selection select(SessionQuery query) {
        Instant now = Instant.now();
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (query.mac() != null) {
            conditions.add("s.mac = :mac");
            parameters.put("mac", query.mac());
        }
        if (query.until() != null) {
            conditions.add("s.spanStart < :until");
            parameters.put("until", query.until().toEpochMilli());
        }
        if (query.from() != null) {
            conditions.add("s.spanEnd > :from");
            parameters.put("from", query.from().toEpochMilli());
            if (!query.from().isBefore(now)) {
                // an open session reaches only to now, not into a window that starts later
                conditions.add("s.spanEnd <> :open");
                parameters.put("open", Session.OPEN);
            }
        }
        if (query.missingOnly()) {
            conditions.add("(s.connectedAt IS NULL OR (s.disconnectedAt IS NULL AND s.disconnectionType = :missing))");
            parameters.put("missing", Session.MISSING);
        }
        return new Selection(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), parameters);
    }

    /** The device's sessions that may overlap the span: a superset, for the exact test in Java. */
    private List<Session> near(String mac, Span span) {
        long from = span.start().toEpochMilli();
        long to = span.end() == null ? Session.OPEN : span.end().toEpochMilli();
        return em.createNamedQuery("Session.near", Session.class)
                .setParameter("mac", mac)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }

    private String conflictMessage(NewSession wanted, Session existing) {
        DisplayFormat format = new DisplayFormat(settings.zone());
        if (wanted.end() == null && existing.isOpen()) {
            return "Device " + wanted.mac() + " already has an open session, connected "
                    + format.display(existing.connection()) + "; close it or give end_time";
        }
        String connection = existing.isMissingConnection() ? Session.MISSING : format.display(existing.connection());
        String disconnection = existing.isOpen() ? "<still connected>"
                : existing.isMissingDisconnection() ? Session.MISSING : format.display(existing.disconnection());
        return "The session overlaps an existing session of " + wanted.mac() + ": connection " + connection
                + ", disconnection " + disconnection;
    }
}

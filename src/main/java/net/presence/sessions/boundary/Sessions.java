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
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import net.presence.platform.Settings;
import net.presence.platform.Transactions;
import net.presence.sessions.control.Ledger;
import net.presence.values.MacAddress;
import net.presence.problems.ApiProblem;
import net.presence.security.Roles;
import net.presence.values.DisplayFormat;
import net.presence.sessions.control.NewSession;
import net.presence.values.Span;
import net.presence.sessions.entity.Device;
import net.presence.sessions.entity.Session;

/**
 * The sessions facade: each method names the role it needs. Writes are one transaction each, run by
 * {@link Transactions} (again, if the database met a passing conflict) and written by the
 * {@link Ledger}; reads are one read-only transaction.
 */
@Stateless
public class Sessions {

    @PersistenceContext
    EntityManager em;

    @Inject
    Ledger ledger;

    @EJB
    Transactions transactions;

    @Inject
    Settings settings;

    @RolesAllowed(Roles.ADMIN)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Session create(NewSession wanted) {
        return transactions.retrying(() -> {
            Device device = ledger.lock(wanted.mac());
            Span span = wanted.span();
            for (Session existing : ledger.near(wanted.mac(), span)) {
                if (existing.span().overlaps(span)) {
                    throw ApiProblem.conflict(conflictMessage(wanted, existing));
                }
            }
            return ledger.record(device, wanted);
        });
    }

    /** Removes every session and event of a device; the number of sessions removed. */
    @RolesAllowed(Roles.ADMIN)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int delete(MacAddress mac) {
        return transactions.retrying(() -> ledger.delete(ledger.lock(mac)));
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

    /**
     * The sessions with these ids, as they are now, for the live stream: another server changed them
     * (LiveListener, on a thread with no caller). Gone ones are left out.
     */
    @jakarta.annotation.security.PermitAll
    public List<Session> byIds(java.util.Collection<Long> ids) {
        List<Session> found = new ArrayList<>();
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 500) {
            found.addAll(Reads.readOnly(em.createQuery("SELECT s FROM Session s WHERE s.id IN :ids ORDER BY s.id", Session.class))
                    .setParameter("ids", all.subList(from, Math.min(all.size(), from + 500))).getResultList());
        }
        return found;
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
            parameters.put("mac", query.mac().toString());
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
            conditions.add("(s.connectedAt IS NULL OR (s.disconnectedAt IS NULL AND s.spanEnd <> :open))");
            parameters.put("open", Session.OPEN);
        }
        return new Selection(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), parameters);
    }

    private String conflictMessage(NewSession wanted, Session existing) {
        DisplayFormat format = new DisplayFormat(settings.zone());
        if (wanted.end() == null && existing.isOpen()) {
            return "Device " + wanted.mac() + " already has an open session, connected "
                    + format.display(existing.connection()) + "; close it or give end_time";
        }
        String connection = existing.isMissingConnection() ? DisplayFormat.MISSING : format.display(existing.connection());
        String disconnection = existing.isOpen() ? DisplayFormat.STILL_CONNECTED
                : existing.isMissingDisconnection() ? DisplayFormat.MISSING : format.display(existing.disconnection());
        return "The session overlaps an existing session of " + wanted.mac() + ": connection " + connection
                + ", disconnection " + disconnection;
    }
}

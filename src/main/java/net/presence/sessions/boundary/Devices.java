package net.presence.sessions.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.presence.platform.Transactions;
import net.presence.security.Roles;
import net.presence.sessions.control.Ledger;
import net.presence.sessions.entity.Session;
import net.presence.values.MacAddress;

/**
 * The devices facade: every known device with its name and figures, and names given by hand. A
 * device is known once it has had a session or an event, or was given a name; its row outlives
 * a deletion of its sessions (it is the device's lock), and then only a name keeps it listed.
 */
@Stateless
public class Devices {

    /** MACs per IN list: small enough that the database probes its index for each. */
    private static final int CHUNK = 200;

    /** Known devices: seen at least once, or named. */
    private static final String KNOWN = "(d.firstSeenAt IS NOT NULL OR d.name IS NOT NULL)";

    @PersistenceContext
    EntityManager em;

    @Inject
    Ledger ledger;

    @EJB
    Transactions transactions;

    /**
     * Newest last event first (devices never seen, only named, last), then by MAC. {@code q}
     * matches a part of the name or of the MAC, any case; a whole MAC in any spelling matches too.
     */
    @RolesAllowed(Roles.READ)
    public Page<DeviceRow> list(String q, int limit, int offset) {
        String where = " WHERE " + KNOWN;
        Map<String, Object> parameters = new HashMap<>();
        if (q != null) {
            where += " AND (LOWER(d.name) LIKE :q ESCAPE '\\' OR d.mac LIKE :qmac ESCAPE '\\')";
            parameters.put("q", "%" + like(q.toLowerCase(Locale.ROOT)) + "%");
            String mac;
            try {
                mac = MacAddress.parse(q).toString();
            } catch (IllegalArgumentException e) {
                mac = like(q.toUpperCase(Locale.ROOT));
            }
            parameters.put("qmac", "%" + mac + "%");
        }
        TypedQuery<Object[]> rows = em.createQuery("SELECT d.mac, d.name, d.firstSeenAt, d.lastEventAt,"
                + " COALESCE(d.lastEventAt, -1) AS seen FROM Device d" + where + " ORDER BY seen DESC, d.mac", Object[].class);
        parameters.forEach(rows::setParameter);
        List<Object[]> page = Reads.readOnly(rows).setFirstResult(offset).setMaxResults(limit).getResultList();
        long total;
        if (offset == 0 && page.size() < limit) {
            total = page.size();
        } else {
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(d) FROM Device d" + where, Long.class);
            parameters.forEach(count::setParameter);
            total = count.getSingleResult();
        }
        return new Page<>(total, rows(page));
    }

    /** The device's name given by hand (null clears it), then the device as the list shows it. */
    @RolesAllowed(Roles.ADMIN)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public DeviceRow name(MacAddress mac, String name) {
        transactions.retrying(() -> {
            ledger.nameByHand(ledger.lock(mac), name);
            return null;
        });
        return one(mac);
    }

    /** The device as the list shows it, known or not. */
    @RolesAllowed(Roles.READ)
    public DeviceRow one(MacAddress mac) {
        List<Object[]> found = em.createQuery("SELECT d.mac, d.name, d.firstSeenAt, d.lastEventAt FROM Device d WHERE d.mac = :mac",
                Object[].class).setParameter("mac", mac.toString()).getResultList();
        if (found.isEmpty()) {
            return new DeviceRow(mac.toString(), null, null, null, false, 0);
        }
        return rows(found).get(0);
    }

    /** The names of those of the devices that have one, by MAC. */
    @RolesAllowed(Roles.READ)
    public Map<String, String> names(Collection<String> macs) {
        Map<String, String> names = new HashMap<>();
        List<String> all = new ArrayList<>(new HashSet<>(macs));
        for (int from = 0; from < all.size(); from += CHUNK) {
            em.createQuery("SELECT d.mac, d.name FROM Device d WHERE d.name IS NOT NULL AND d.mac IN :macs", Object[].class)
                    .setParameter("macs", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .getResultStream().forEach(row -> names.put((String) row[0], (String) row[1]));
        }
        return names;
    }

    /** Rows of (mac, name, first, last): each with its session count and whether it is connected now. */
    private List<DeviceRow> rows(List<Object[]> devices) {
        List<String> macs = devices.stream().map(row -> (String) row[0]).toList();
        Map<String, Long> counts = new HashMap<>();
        Set<String> open = new HashSet<>();
        for (int from = 0; from < macs.size(); from += CHUNK) {
            List<String> chunk = macs.subList(from, Math.min(macs.size(), from + CHUNK));
            em.createQuery("SELECT s.mac, COUNT(s) FROM Session s WHERE s.mac IN :macs GROUP BY s.mac", Object[].class)
                    .setParameter("macs", chunk)
                    .getResultStream().forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
            em.createQuery("SELECT s.mac FROM Session s WHERE s.spanEnd = :open AND s.mac IN :macs", String.class)
                    .setParameter("open", Session.OPEN)
                    .setParameter("macs", chunk)
                    .getResultStream().forEach(open::add);
        }
        List<DeviceRow> rows = new ArrayList<>(devices.size());
        for (Object[] row : devices) {
            String mac = (String) row[0];
            rows.add(new DeviceRow(mac, (String) row[1], instant(row[2]), instant(row[3]), open.contains(mac),
                    counts.getOrDefault(mac, 0L)));
        }
        return rows;
    }

    private static Instant instant(Object millis) {
        return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
    }

    /** The text with LIKE's wildcards and the escape character taken literally. */
    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

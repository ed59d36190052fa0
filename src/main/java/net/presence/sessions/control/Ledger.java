package net.presence.sessions.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import net.presence.platform.TurnLock;
import net.presence.sessions.entity.Device;
import net.presence.sessions.entity.Event;
import net.presence.sessions.entity.EventType;
import net.presence.sessions.entity.Session;
import net.presence.values.IpAddress;
import net.presence.values.MacAddress;
import net.presence.values.Span;

/**
 * The one writer of sessions, events and devices: create, import, observations, scans and the
 * stale timer all change the database through these methods, inside the caller's transaction.
 * <p>
 * Every change to a device starts with {@link #lock}: its row is locked until the transaction ends,
 * so no two writers interleave on one device, whether they run in one server or in several on one
 * database. Several devices are always locked in MAC order, one order for every writer, so two
 * writers never wait for each other in a circle; the database's deadlock detection and the retry
 * in {@code Transactions} are the safety net, not the plan.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Ledger {

    /** Devices locked by one IN list: small enough that the database probes the key, never scans. */
    static final int LOCK_CHUNK = 200;

    /** Rows a scan reads or writes before it flushes them and lets go of them. */
    public static final int BATCH = 1_000;

    @PersistenceContext
    EntityManager em;

    /** What the live stream is told once the transaction commits. */
    @jakarta.inject.Inject
    LiveChanges live;

    // ----- locks

    /** The device, its row locked until the transaction ends; the row is made on first use. */
    public Device lock(MacAddress mac) {
        return lock(List.of(mac)).get(mac);
    }

    /**
     * The devices, their rows locked in MAC order, rows made for new MACs. On PostgreSQL a new row
     * is made with {@code ON CONFLICT DO NOTHING}, so two servers making it at once both go on with
     * the one row. On Derby (one server) two transactions making the same new row at once meet on
     * the unique key, and the loser is retried; it then finds the row.
     */
    public Map<MacAddress, Device> lock(Collection<MacAddress> macs) {
        Map<MacAddress, Device> locked = new HashMap<>(macs.size() * 2);
        boolean shared = TurnLock.shared();
        for (List<MacAddress> chunk : lockOrder(macs, LOCK_CHUNK)) {
            List<Device> found = lockRows(chunk, shared);
            if (shared && found.size() < chunk.size()) {
                // PostgreSQL: the missing rows are made without ever failing on the key (a row another
                // server is making at this moment is waited for, then taken as it is), then locked
                List<MacAddress> missing = new ArrayList<>(chunk);
                found.forEach(device -> missing.remove(device.mac()));
                makeRows(missing);
                found = lockRows(chunk, shared);
            }
            found.forEach(device -> locked.put(device.mac(), device));
            boolean made = false;
            for (MacAddress mac : chunk) {
                if (!locked.containsKey(mac)) {
                    Device device = new Device(mac);
                    em.persist(device);
                    locked.put(mac, device);
                    made = true;
                }
            }
            if (made) {
                em.flush(); // the new rows' locks are taken now, in this chunk's place in the order
            }
        }
        return locked;
    }

    /**
     * Locks the devices as {@link #lock(Collection)} does, a chunk at a time in the same order, and hands
     * each chunk to the reader before the persistence context lets go of it: what a scan of a whole
     * network reads under its locks without holding every device at once. The locks stay until the
     * transaction ends.
     */
    public void lockInChunks(Collection<MacAddress> macs, Consumer<Map<MacAddress, Device>> reader) {
        for (List<MacAddress> chunk : lockOrder(macs, BATCH)) {
            reader.accept(lock(chunk));
            endBatch();
        }
    }

    private List<Device> lockRows(List<MacAddress> chunk, boolean shared) {
        if (chunk.size() == 1) {
            return Optional.ofNullable(em.find(Device.class, chunk.get(0).toString(), LockModeType.PESSIMISTIC_WRITE))
                    .stream().toList();
        }
        List<String> macs = chunk.stream().map(MacAddress::toString).toList();
        if (shared) {
            return em.createNamedQuery("Device.ofMacs", Device.class)
                    .setParameter("macs", macs)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .setFlushMode(FlushModeType.COMMIT)
                    .getResultList();
        }
        // Derby keeps a statement's plan while its table grows: compiled when DEVICES was nearly empty
        // (the first big scan of a new network), the plan scans the whole table for every chunk, and a
        // scan of N new devices costs N squared. The key is named (changeset 8), so every chunk probes it.
        StringBuilder sql = new StringBuilder("SELECT * FROM DEVICES --DERBY-PROPERTIES constraint=PK_DEVICES\n WHERE MAC IN (");
        for (int i = 1; i <= macs.size(); i++) {
            sql.append(i == 1 ? "?" : ", ?").append(i);
        }
        var query = em.createNativeQuery(sql.append(") FOR UPDATE WITH RS").toString(), Device.class)
                .setFlushMode(FlushModeType.COMMIT);
        for (int i = 0; i < macs.size(); i++) {
            query.setParameter(i + 1, macs.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Device> found = query.getResultList();
        return found;
    }

    /** Bare device rows for these MACs (in lock order), unless they exist: PostgreSQL only. */
    private void makeRows(List<MacAddress> missing) {
        StringBuilder sql = new StringBuilder("INSERT INTO DEVICES (MAC) VALUES ");
        for (int i = 1; i <= missing.size(); i++) {
            sql.append(i == 1 ? "" : ", ").append("(?").append(i).append(')');
        }
        var insert = em.createNativeQuery(sql.append(" ON CONFLICT DO NOTHING").toString());
        for (int i = 0; i < missing.size(); i++) {
            insert.setParameter(i + 1, missing.get(i).toString());
        }
        insert.executeUpdate();
    }

    /** The MACs once each, in the one order every writer locks in, cut into chunks of the given size. */
    static List<List<MacAddress>> lockOrder(Collection<MacAddress> macs, int chunk) {
        List<MacAddress> sorted = macs.stream().distinct().sorted().toList();
        List<List<MacAddress>> chunks = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += chunk) {
            chunks.add(sorted.subList(from, Math.min(sorted.size(), from + chunk)));
        }
        return chunks;
    }

    /**
     * Whether this transaction does the periodic task now: on a database several servers share,
     * only the one that holds the task's lock until it commits (see {@link TurnLock}).
     */
    public boolean takeTurn(String task) {
        String claim = TurnLock.claim(task, TurnLock.shared());
        return claim == null || TurnLock.granted(em.createNativeQuery(claim).getSingleResult());
    }

    // ----- reads a writer makes under its locks

    /** The device's sessions that may overlap the span: a superset, for the exact test in Java. */
    public List<Session> near(MacAddress mac, Span span) {
        long from = span.start().toEpochMilli();
        long to = span.end() == null ? Session.OPEN : span.end().toEpochMilli();
        em.flush(); // an import's earlier lines count too
        return em.createNamedQuery("Session.near", Session.class)
                .setParameter("mac", mac.toString())
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }

    /** The earliest and latest instants of the device's stored sessions, or null when it has none. */
    public long[] storedRange(MacAddress mac) {
        Object[] range = em.createQuery("SELECT MIN(s.spanStart), MAX(s.spanEnd) FROM Session s WHERE s.mac = :mac",
                Object[].class).setParameter("mac", mac.toString()).getSingleResult();
        return range[0] == null ? null : new long[] {(Long) range[0], (Long) range[1]};
    }

    /**
     * The devices that exist, neither locked nor made: what an import's check reads before it stores,
     * and what a scan reads again, under the locks it holds, for each chunk it writes.
     */
    public Map<MacAddress, Device> devices(Collection<MacAddress> macs) {
        Map<MacAddress, Device> found = new HashMap<>(macs.size() * 2);
        for (List<MacAddress> chunk : lockOrder(macs, LOCK_CHUNK)) {
            em.createNamedQuery("Device.ofMacs", Device.class)
                    .setParameter("macs", chunk.stream().map(MacAddress::toString).toList())
                    .getResultStream().forEach(device -> found.put(device.mac(), device));
        }
        return found;
    }

    /** The sessions of these ids that exist, by id: a scan's sessions read again for the chunk it writes. */
    public Map<Long, Session> sessions(Collection<Long> ids) {
        Map<Long, Session> found = new HashMap<>(ids.size() * 2);
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += LOCK_CHUNK) {
            em.createQuery("SELECT s FROM Session s WHERE s.id IN :ids", Session.class)
                    .setParameter("ids", all.subList(from, Math.min(all.size(), from + LOCK_CHUNK)))
                    .getResultStream().forEach(session -> found.put(session.id(), session));
        }
        return found;
    }

    /** The first and last instants of each device's stored sessions, for the devices that have any. */
    public Map<MacAddress, long[]> storedRanges(Collection<MacAddress> macs) {
        Map<MacAddress, long[]> ranges = new HashMap<>();
        for (List<MacAddress> chunk : lockOrder(macs, LOCK_CHUNK)) {
            em.createQuery("SELECT s.mac, MIN(s.spanStart), MAX(s.spanEnd) FROM Session s WHERE s.mac IN :macs"
                            + " GROUP BY s.mac", Object[].class)
                    .setParameter("macs", chunk.stream().map(MacAddress::toString).toList())
                    .getResultStream()
                    .forEach(row -> ranges.put(MacAddress.stored((String) row[0]), new long[] {(Long) row[1], (Long) row[2]}));
        }
        return ranges;
    }

    /**
     * What tells the device's stored events between the two instants apart: instant, kind, custom
     * text, voided mark and IP, as {@link #eventKey}. An import compares its events with these.
     */
    public Set<String> storedEventKeys(MacAddress mac, long from, long to) {
        Set<String> keys = new HashSet<>();
        em.createQuery("SELECT e FROM Event e WHERE e.mac = :mac AND e.occurredAt BETWEEN :from AND :to", Event.class)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("mac", mac.toString())
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultStream()
                .forEach(event -> keys.add(eventKey(event.at().toEpochMilli(), event.type(), event.voided(), event.ip())));
        return keys;
    }

    /** One event's key among {@link #storedEventKeys}. */
    public static String eventKey(long at, EventType type, boolean voided, IpAddress ip) {
        return at + "|" + type.kind().code() + "|" + (type.custom() == null ? "" : type.custom()) + "|" + voided + "|" + ip;
    }

    public Optional<Session> openSessionOf(MacAddress mac) {
        return em.createNamedQuery("Session.openOf", Session.class)
                .setParameter("mac", mac.toString())
                .setParameter("open", Session.OPEN)
                .getResultStream().findFirst();
    }

    /** The device's latest session (by its first instant; of two that start together, the later made). */
    public Optional<Session> latestSessionOf(MacAddress mac) {
        return Optional.ofNullable(latestSessionsOf(List.of(mac)).get(mac));
    }

    /**
     * The latest session of each device that has any, as {@link #latestSessionOf}, for many devices at
     * once (the devices a scan sees coming back): per chunk of MACs, the latest start of each is read
     * from SESSIONS_MAC_START alone, then only the sessions that start at one of those instants.
     * Neither query sorts a device's history, whatever its length.
     */
    public Map<MacAddress, Session> latestSessionsOf(Collection<MacAddress> macs) {
        Map<MacAddress, Session> latest = new HashMap<>();
        for (List<MacAddress> chunk : lockOrder(macs, LOCK_CHUNK)) {
            List<String> names = chunk.stream().map(MacAddress::toString).toList();
            Map<String, Long> lastStart = new HashMap<>();
            em.createQuery("SELECT s.mac, MAX(s.spanStart) FROM Session s WHERE s.mac IN :macs GROUP BY s.mac", Object[].class)
                    .setFlushMode(FlushModeType.COMMIT)
                    .setParameter("macs", names)
                    .getResultStream().forEach(row -> lastStart.put((String) row[0], (Long) row[1]));
            if (lastStart.isEmpty()) {
                continue;
            }
            // every device's latest start is among the instants asked for; a session of another device
            // that starts at one of them by chance is told apart below
            em.createQuery("SELECT s FROM Session s WHERE s.mac IN :macs AND s.spanStart IN :starts", Session.class)
                    .setFlushMode(FlushModeType.COMMIT)
                    .setParameter("macs", List.copyOf(lastStart.keySet()))
                    .setParameter("starts", List.copyOf(new HashSet<>(lastStart.values())))
                    .getResultStream()
                    .filter(session -> session.first().toEpochMilli() == lastStart.get(session.mac().toString()))
                    .forEach(session -> latest.merge(session.mac(), session,
                            (one, other) -> one.id() > other.id() ? one : other));
        }
        return latest;
    }

    /**
     * The MACs of devices with an open session, without loading or locking anything: what a
     * scan or the stale timer looks at before it locks, then reads again under the locks.
     */
    public List<MacAddress> devicesWithOpenSessions() {
        return em.createQuery("SELECT s.mac FROM Session s WHERE s.spanEnd = :open", String.class)
                .setParameter("open", Session.OPEN)
                .getResultStream().map(MacAddress::stored).toList();
    }

    /**
     * The open sessions of these (locked) devices, by MAC. Many devices (a scan of a network) are
     * found in one pass over every open session rather than one pass per chunk of MACs. Nothing is
     * flushed first: callers ask before they change any session.
     */
    public Map<MacAddress, Session> openSessionsOf(Collection<MacAddress> macs) {
        Map<MacAddress, Session> open = new HashMap<>();
        if (macs.isEmpty()) {
            return open;
        }
        if (macs.size() > LOCK_CHUNK) {
            Set<MacAddress> wanted = macs instanceof Set<MacAddress> set ? set : new HashSet<>(macs);
            em.createQuery("SELECT s FROM Session s WHERE s.spanEnd = :open", Session.class)
                    .setParameter("open", Session.OPEN)
                    .setFlushMode(FlushModeType.COMMIT)
                    .getResultStream()
                    .filter(session -> wanted.contains(session.mac()))
                    .forEach(session -> open.put(session.mac(), session));
            return open;
        }
        List<String> all = macs.stream().map(MacAddress::toString).toList();
        em.createQuery("SELECT s FROM Session s WHERE s.spanEnd = :open AND s.mac IN :macs", Session.class)
                .setParameter("open", Session.OPEN)
                .setParameter("macs", all)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultStream().forEach(session -> open.put(session.mac(), session));
        return open;
    }

    /** The ids of the open sessions of these devices, by MAC, read in one pass without loading any. */
    public Map<MacAddress, Long> openSessionIds(Collection<MacAddress> macs) {
        Set<MacAddress> wanted = macs instanceof Set<MacAddress> set ? set : new HashSet<>(macs);
        Map<MacAddress, Long> ids = new HashMap<>();
        em.createQuery("SELECT s.mac, s.id FROM Session s WHERE s.spanEnd = :open", Object[].class)
                .setParameter("open", Session.OPEN)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultStream()
                .forEach(row -> {
                    MacAddress mac = MacAddress.stored((String) row[0]);
                    if (wanted.contains(mac)) {
                        ids.put(mac, (Long) row[1]);
                    }
                });
        return ids;
    }

    /** Devices whose open session went unreported since the cutoff, without loading or locking. */
    public List<MacAddress> devicesGoneStale(Instant cutoff, int max) {
        return em.createQuery("SELECT s.mac FROM Session s, Device d WHERE s.spanEnd = :open"
                        + " AND d.mac = s.mac AND d.lastObservedAt < :cutoff AND s.spanStart < :cutoff", String.class)
                .setParameter("open", Session.OPEN)
                .setParameter("cutoff", cutoff.toEpochMilli())
                .setMaxResults(max)
                .getResultStream().map(MacAddress::stored).toList();
    }

    // ----- changes

    /** A session as a client described it (create), with its events. */
    public Session record(Device device, NewSession wanted) {
        Session session = persist(wanted);
        device.recordEvent(wanted.start(), wanted.ip());
        if (wanted.end() != null) {
            device.recordEvent(wanted.end(), wanted.ip());
        }
        live.session(session);
        return session;
    }

    /**
     * A session and its events, leaving the device to {@link #recordEvents}: an import notes each
     * device's first and last event once, at its end.
     */
    public Session store(NewSession wanted) {
        live.bulk(1); // an import: the stream's clients reload once, not a line per session
        return persist(wanted);
    }

    private Session persist(NewSession wanted) {
        Session session = wanted.end() == null
                ? Session.open(wanted.mac(), wanted.ip(), wanted.info(), wanted.start(), wanted.connectionType())
                : Session.closed(wanted.mac(), wanted.ip(), wanted.info(), wanted.start(), wanted.connectionType(),
                        wanted.end(), wanted.disconnectionType());
        em.persist(session);
        em.persist(new Event(wanted.mac(), wanted.ip(), wanted.start(), wanted.connectionType(), wanted.info()));
        if (wanted.end() != null) {
            em.persist(new Event(wanted.mac(), wanted.ip(), wanted.end(), wanted.disconnectionType(), ""));
        }
        return session;
    }

    /** A name for the (locked) device, unless it has one; whether it was given. */
    public boolean name(MacAddress mac, String name) {
        return em.find(Device.class, mac.toString()).nameIfUnnamed(name);
    }

    /** A name given by hand to the (locked) device; null clears it. */
    public void nameByHand(Device device, String name) {
        device.nameByHand(name);
    }

    /** A name a scanner reported for the (locked) device, kept unless a name was given by hand. */
    public void nameObserved(Device device, String name) {
        if (name != null) {
            device.nameObserved(name);
        }
    }

    /**
     * Sessions and events written in JDBC batches on this transaction's connection, for an import of
     * many: the caller builds them as entities, which stay out of the persistence context.
     */
    public ImportRows importRows() {
        em.flush(); // the device rows made by lock() go first, on the same connection
        // EclipseLink on every server (persistence.xml): its sequencing hands out the same blocks of ids as for persist()
        org.eclipse.persistence.sessions.Session session = em.unwrap(org.eclipse.persistence.sessions.Session.class);
        Connection connection = em.unwrap(Connection.class);
        try {
            return new ImportRows(connection, () -> ((Number) session.getNextSequenceNumberValue(Session.class)).longValue(),
                    () -> ((Number) session.getNextSequenceNumberValue(Event.class)).longValue());
        } catch (SQLException e) {
            throw new PersistenceException("Cannot prepare the import's statements: " + e.getMessage(), e);
        }
    }

    /**
     * The end of an import written by {@link #importRows} in many transactions: the live stream's
     * clients are told once, by one reload, not once per chunk or row.
     */
    public void imported(long sessions) {
        live.bulk(sessions);
    }

    /** The session an import found, as it will be stored; see {@link #importRows}. */
    public static Session sessionOf(ImportedSession found) {
        if (found.open()) {
            return Session.open(found.mac(), found.ip(), found.info(), found.connection(), found.connectionType());
        } else if (found.isMissingConnection()) {
            return Session.missingConnection(found.mac(), found.ip(), found.info(), found.disconnection(),
                    found.disconnectionType());
        } else if (found.isMissingDisconnection()) {
            return Session.missingDisconnection(found.mac(), found.ip(), found.info(), found.connection(),
                    found.connectionType());
        }
        return Session.closed(found.mac(), found.ip(), found.info(), found.connection(), found.connectionType(),
                found.disconnection(), found.disconnectionType());
    }

    /** The event an import found, as it will be stored; see {@link #importRows}. */
    public static Event eventOf(ImportedEvent found) {
        Event event = new Event(found.mac(), found.ip(), found.at(), found.type(), found.info());
        if (found.voided()) {
            event.markVoided();
        }
        return event;
    }

    /**
     * Writes out what an import or a scan stored so far and lets go of it: memory holds one batch,
     * whatever the size. The rows stay locked until the transaction ends.
     */
    public void endBatch() {
        em.flush();
        em.clear();
    }

    /** The first and last events an import stored for a device (locked since it began). */
    public void recordEvents(MacAddress mac, Instant first, Instant last, IpAddress lastIp) {
        Device device = em.find(Device.class, mac.toString());
        device.recordEvent(first, lastIp);
        device.recordEvent(last, lastIp);
    }

    public Session open(Device device, IpAddress ip, Instant at, EventType type, String info) {
        Session session = Session.open(device.mac(), ip, info, at, type);
        em.persist(session);
        event(device, ip, at, type, info);
        live.session(session);
        return session;
    }

    /** A device seen leaving that was never seen arriving. */
    public Session missingConnection(Device device, IpAddress ip, Instant at, EventType type, String info) {
        Session session = Session.missingConnection(device.mac(), ip, info, at, type);
        em.persist(session);
        event(device, ip, at, type, info);
        live.session(session);
        return session;
    }

    public void close(Device device, Session session, IpAddress ip, Instant at, EventType type, String info) {
        session.close(at, type);
        event(device, ip, at, type, info);
        live.session(session);
    }

    /**
     * A flap: the device came back so soon after its disconnection that it never really left. The
     * disconnection event stays on record, voided, the session is open again, and the reconnection
     * is recorded as a voided connection.
     */
    public void voidFlap(Device device, Session session, IpAddress ip, Instant at, String info) {
        em.createNamedQuery("Event.disconnectionOf", Event.class)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("mac", session.mac().toString())
                .setParameter("at", session.disconnection().toEpochMilli())
                .setParameter("kind", session.disconnectionType().kind())
                .setMaxResults(1)
                .getResultStream().findFirst().ifPresent(Event::markVoided);
        session.reopen();
        Event reconnection = event(device, ip, at, EventType.CONNECTED, info);
        reconnection.markVoided();
        live.session(session);
    }

    /** The device reported a new IP during its session: recorded, the session keeps its first IP. */
    public void ipChanged(Device device, IpAddress ip, Instant at, String info) {
        event(device, ip, at, EventType.IP_CHANGED, info);
    }

    /** The scanner reported the device, whether or not anything changed: the stale clock starts again. */
    public void observed(Device device, Instant at, IpAddress ip) {
        device.observe(at, ip);
    }

    /** The device stopped being reported: its open session ended, but nobody saw when. */
    public void markMissing(Session session) {
        session.loseDisconnection();
        live.session(session);
    }

    /** Every session and event of the device; the number of sessions removed. */
    public int delete(Device device) {
        String mac = device.mac().toString();
        int deleted = em.createNamedQuery("Session.deleteOfDevice").setParameter("mac", mac).executeUpdate();
        em.createNamedQuery("Event.deleteOfDevice").setParameter("mac", mac).executeUpdate();
        device.forget();
        live.deleted(device.mac(), deleted);
        return deleted;
    }

    private Event event(Device device, IpAddress ip, Instant at, EventType type, String info) {
        Event event = new Event(device.mac(), ip, at, type, info);
        em.persist(event);
        device.recordEvent(at, ip);
        return event;
    }
}

package net.presence.presence.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import net.presence.platform.Settings;
import net.presence.presence.control.Decision;
import net.presence.presence.control.DeviceState;
import net.presence.presence.control.Effect;
import net.presence.presence.control.Observation;
import net.presence.presence.control.ObservationType;
import net.presence.presence.control.OutOfOrderException;
import net.presence.presence.control.PresenceEngine;
import net.presence.presence.control.Scan;
import net.presence.presence.control.ScanCounts;
import net.presence.problems.ApiProblem;
import net.presence.security.Roles;
import net.presence.sessions.boundary.Devices;
import net.presence.values.DisplayFormat;
import net.presence.sessions.entity.Device;
import net.presence.sessions.entity.Event;
import net.presence.sessions.entity.Session;

/**
 * The presence engine's facade: each method is one transaction that locks the devices it touches
 * before it reads their state, asks {@link PresenceEngine} what each observation does, and writes
 * that to the sessions and events in place.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class Observations {

    /** Up to this many devices are read by an IN list, more by one pass over the device table. */
    private static final int IN_LIST = 200;
    /** The most stale sessions one timer tick closes; the next tick takes the rest. */
    private static final int STALE_BATCH = 10_000;

    @PersistenceContext
    EntityManager em;

    @EJB
    Devices devices;

    @Inject
    Settings settings;

    public Outcome observe(Observation seen) {
        Device device = devices.lock(seen.mac());
        Session last = openOf(seen.mac()).or(() -> latestOf(seen.mac())).orElse(null);
        Decision decision;
        try {
            decision = engine().decide(state(device, last), seen);
        } catch (OutOfOrderException e) {
            throw outOfOrder(List.of(seen.mac()), seen.time(), e.latest());
        }
        Session session = apply(device, last, seen, decision);
        device.observe(seen.time(), seen.ip());
        return new Outcome(decision.effect(), session);
    }

    /**
     * A whole scan. It locks the whole device table rather than thousands of rows one by one: a scan
     * speaks for every device (the unlisted ones disconnect), so nothing else may write while it applies.
     */
    public ScanCounts scan(Scan scan) {
        em.createNativeQuery("LOCK TABLE DEVICES IN EXCLUSIVE MODE").executeUpdate();
        Instant time = scan.time();
        Map<String, Session> open = new HashMap<>();
        for (Session session : em.createNamedQuery("Session.allOpen", Session.class)
                .setParameter("open", Session.OPEN).getResultList()) {
            open.put(session.mac(), session);
        }
        List<String> unlisted = open.keySet().stream().filter(mac -> !scan.ipByMac().containsKey(mac)).toList();
        Set<String> involved = new HashSet<>(scan.ipByMac().keySet());
        involved.addAll(unlisted);
        Map<String, Device> known = devicesOf(involved);
        Map<String, Session> last = new HashMap<>(open);
        for (Device device : known.values()) {
            // only a device seen before, now reconnecting, needs its last session looked up
            if (device.wasSeen() && !open.containsKey(device.mac())) {
                latestOf(device.mac()).ifPresent(session -> last.put(device.mac(), session));
            }
        }

        List<Observation> observations = new ArrayList<>(scan.ipByMac().size() + unlisted.size());
        scan.ipByMac().forEach((mac, ip) -> observations.add(Observation.connected(mac, ip, time)));
        for (String mac : unlisted) {
            Device device = known.get(mac);
            String ip = device != null && device.lastIp() != null ? device.lastIp() : open.get(mac).ip();
            observations.add(Observation.disconnected(mac, ip, time));
        }

        // decide everything before writing anything: one out-of-order device refuses the whole scan
        PresenceEngine engine = engine();
        List<Decision> decisions = new ArrayList<>(observations.size());
        List<String> late = new ArrayList<>();
        Instant latest = null;
        for (Observation seen : observations) {
            Device device = known.get(seen.mac());
            try {
                decisions.add(engine.decide(device == null ? DeviceState.UNKNOWN : state(device, last.get(seen.mac())), seen));
            } catch (OutOfOrderException e) {
                late.add(seen.mac());
                latest = latest == null || e.latest().isAfter(latest) ? e.latest() : latest;
            }
        }
        if (!late.isEmpty()) {
            throw outOfOrder(late, time, latest);
        }

        ScanCounts counts = new ScanCounts();
        for (int i = 0; i < observations.size(); i++) {
            Observation seen = observations.get(i);
            Device device = known.get(seen.mac());
            Decision decision = decisions.get(i);
            if (device == null) {
                device = new Device(seen.mac());
                em.persist(device);
            }
            apply(device, last.get(seen.mac()), seen, decision);
            device.observe(seen.time(), seen.ip());
            counts.count(decision);
        }
        return counts;
    }

    /**
     * Turns open sessions of devices the scanner has not reported since the cutoff into missing
     * disconnections. Only devices that were observed at least once count: a session created by
     * hand for a device no scanner watches is left alone. Called by the timer, which has no caller
     * identity, hence the open door; no HTTP route leads here.
     */
    @PermitAll
    public int expireStale(Instant cutoff) {
        if (stale(cutoff, 1).isEmpty()) {
            return 0;
        }
        // the same lock as a scan, so that a report arriving now either precedes or follows this
        em.createNativeQuery("LOCK TABLE DEVICES IN EXCLUSIVE MODE").executeUpdate();
        List<Session> stale = stale(cutoff, STALE_BATCH);
        stale.forEach(Session::loseDisconnection);
        return stale.size();
    }

    private List<Session> stale(Instant cutoff, int max) {
        return em.createNamedQuery("Session.stale", Session.class)
                .setParameter("open", Session.OPEN)
                .setParameter("cutoff", cutoff.toEpochMilli())
                .setMaxResults(max)
                .getResultList();
    }

    private PresenceEngine engine() {
        return new PresenceEngine(settings.gracePeriod());
    }

    private static DeviceState state(Device device, Session last) {
        DeviceState.Last summary = last == null ? null
                : last.isOpen() ? DeviceState.Last.stillOpen()
                : DeviceState.Last.closed(last.disconnection(), last.disconnectionType());
        return new DeviceState(device.lastEvent(), device.lastIp(), summary);
    }

    /** Writes a decision (all but the device's stale clock); the session it concerned. */
    private Session apply(Device device, Session last, Observation seen, Decision decision) {
        Session session = switch (decision.effect()) {
            case OPENED -> persist(Session.open(seen.mac(), seen.ip(), seen.info(), seen.time(), decision.eventType()));
            case MISSING_CONNECTION -> persist(Session.missingConnection(seen.mac(), seen.ip(), seen.info(), seen.time(),
                    decision.eventType()));
            case CLOSED -> {
                last.close(seen.time(), decision.eventType());
                yield last;
            }
            case VOIDED -> {
                voidDisconnection(last);
                last.reopen();
                yield last;
            }
            case IP_CHANGED, REPEATED -> last;
        };
        if (decision.storesEvent()) {
            em.persist(new Event(seen.mac(), seen.ip(), seen.time(), decision.eventType(), decision.eventInfo()));
            device.recordEvent(seen.time(), seen.ip());
        }
        return session;
    }

    private Session persist(Session session) {
        em.persist(session);
        return session;
    }

    /** The flap's disconnection event stays on record, marked as not real. */
    private void voidDisconnection(Session session) {
        em.createNamedQuery("Event.ofDeviceAt", Event.class)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("mac", session.mac())
                .setParameter("at", session.disconnection().toEpochMilli())
                .setParameter("type", session.disconnectionType())
                .setMaxResults(1)
                .getResultStream().findFirst().ifPresent(Event::markVoided);
    }

    private Optional<Session> openOf(String mac) {
        return em.createNamedQuery("Session.openOf", Session.class)
                .setParameter("mac", mac)
                .setParameter("open", Session.OPEN)
                .getResultStream().findFirst();
    }

    /** The device's latest session (by its first instant; of two that start together, the later made). */
    private Optional<Session> latestOf(String mac) {
        return em.createNamedQuery("Session.latestOf", Session.class)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("mac", mac)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    /**
     * The devices of a scan. A few are read by an IN list on the primary key; many by one pass over
     * the device table, because for an IN list that is a large part of the table Derby scans the
     * table anyway and tests every row against the whole list.
     */
    private Map<String, Device> devicesOf(Set<String> macs) {
        Map<String, Device> found = new HashMap<>();
        if (macs.size() > IN_LIST) {
            em.createNamedQuery("Device.all", Device.class).getResultStream()
                    .filter(device -> macs.contains(device.mac()))
                    .forEach(device -> found.put(device.mac(), device));
        } else if (!macs.isEmpty()) {
            em.createNamedQuery("Device.ofMacs", Device.class).setParameter("macs", List.copyOf(macs)).getResultList()
                    .forEach(device -> found.put(device.mac(), device));
        }
        return found;
    }

    private ApiProblem outOfOrder(List<String> macs, Instant time, Instant latest) {
        DisplayFormat format = new DisplayFormat(settings.zone());
        String which = macs.size() == 1 ? "device " + macs.get(0)
                : macs.size() + " devices (" + String.join(", ", macs.subList(0, Math.min(5, macs.size())))
                        + (macs.size() > 5 ? ", ..." : "") + ")";
        return ApiProblem.conflict("The observation at " + format.iso(time) + " is older than the latest event of "
                + which + " at " + format.iso(latest) + ": report observations of a device in time order");
    }
}

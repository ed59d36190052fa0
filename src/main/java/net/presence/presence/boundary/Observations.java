package net.presence.presence.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.presence.platform.Settings;
import net.presence.platform.Transactions;
import net.presence.presence.control.Decision;
import net.presence.presence.control.DeviceState;
import net.presence.presence.control.Effect;
import net.presence.presence.control.Observation;
import net.presence.presence.control.OutOfOrderException;
import net.presence.presence.control.PresenceEngine;
import net.presence.presence.control.Scan;
import net.presence.presence.control.ScanCounts;
import net.presence.problems.ApiProblem;
import net.presence.security.Roles;
import net.presence.sessions.control.Ledger;
import net.presence.sessions.entity.Device;
import net.presence.sessions.entity.Session;
import net.presence.values.DisplayFormat;
import net.presence.values.IpAddress;
import net.presence.values.MacAddress;

/**
 * The presence engine's facade. Each report is one transaction (run again by {@link Transactions}
 * if the database met a passing conflict) that locks the devices it touches before it reads their
 * state, asks {@link PresenceEngine} what each observation does, and has the {@link Ledger} write it.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Observations {

    /** The most stale sessions one timer tick closes; the next tick takes the rest. */
    private static final int STALE_BATCH = 10_000;
    /** The stale check's name for its turn among servers that share a database. */
    static final String STALE_TASK = "stale sessions";

    @Inject
    Ledger ledger;

    @EJB
    Transactions transactions;

    @Inject
    Settings settings;

    public Outcome observe(Observation seen) {
        return observe(seen, null);
    }

    /** One observation, with the name the scanner knows the device by (null for none). */
    public Outcome observe(Observation seen, String name) {
        return transactions.retrying(() -> {
            Device device = ledger.lock(seen.mac());
            Session last = ledger.openSessionOf(seen.mac()).or(() -> ledger.latestSessionOf(seen.mac())).orElse(null);
            Decision decision;
            try {
                decision = engine().decide(state(device, last), seen);
            } catch (OutOfOrderException e) {
                throw outOfOrder(List.of(seen.mac()), seen.time(), e.latest());
            }
            Session session = apply(device, last, seen, decision);
            ledger.observed(device, seen.time(), seen.ip());
            ledger.nameObserved(device, name);
            return new Outcome(decision.effect(), session);
        });
    }

    /**
     * A whole scan. It locks the rows of every device it speaks for (the listed ones, and those with
     * an open session that the scan does not list, which disconnect), in MAC order like every other
     * writer, and nothing else: writes for other devices go on meanwhile.
     */
    public ScanCounts scan(Scan scan) {
        return transactions.retrying(() -> applyScan(scan));
    }

    /**
     * Two passes, so that a scan of 100,000 devices holds little beyond its own list. The first locks
     * every device it speaks for, a chunk at a time in the one MAC order, and checks that the scan is
     * not older than any of them: one out-of-order device refuses the whole scan before anything is
     * written. The second decides and writes a chunk at a time, each device read again under the locks
     * it already holds, so nothing it decides can differ from what the first pass saw.
     */
    private ScanCounts applyScan(Scan scan) {
        Instant time = scan.time();
        Map<MacAddress, IpAddress> listed = scan.ipByMac();
        Map<MacAddress, Long> openIds = lockAndCheckOrder(listed.keySet(), time);
        List<MacAddress> leaving = openIds.keySet().stream().filter(mac -> !listed.containsKey(mac)).sorted().toList();

        PresenceEngine engine = engine();
        ScanCounts counts = new ScanCounts();
        List<MacAddress> order = new ArrayList<>(listed.size() + leaving.size());
        order.addAll(listed.keySet());
        order.addAll(leaving);
        for (int from = 0; from < order.size(); from += Ledger.BATCH) {
            List<MacAddress> chunk = order.subList(from, Math.min(order.size(), from + Ledger.BATCH));
            Map<MacAddress, Device> devices = ledger.devices(chunk);
            // only a device seen before, now reconnecting, needs its last session looked up
            Map<MacAddress, Session> latest = ledger.latestSessionsOf(chunk.stream()
                    .filter(mac -> devices.get(mac).wasSeen() && !openIds.containsKey(mac)).toList());
            List<Decision> decisions = new ArrayList<>(chunk.size());
            List<Observation> observations = new ArrayList<>(chunk.size());
            List<Long> closing = new ArrayList<>();
            for (MacAddress mac : chunk) {
                Device device = devices.get(mac);
                Session last = latest.get(mac);
                DeviceState state = new DeviceState(device.lastEvent(), device.lastIp(),
                        openIds.containsKey(mac) ? DeviceState.Last.stillOpen() : last == null ? null : summary(last));
                IpAddress ip = listed.get(mac);
                Observation seen = ip != null ? Observation.connected(mac, ip, time) : Observation.disconnected(mac,
                        device.lastIp() != null ? device.lastIp() : ledger.openSessionOf(mac).orElseThrow().ip(), time);
                Decision decision = engine.decide(state, seen);
                if (decision.effect() == Effect.CLOSED) {
                    closing.add(openIds.get(mac));
                }
                observations.add(seen);
                decisions.add(decision);
            }
            Map<Long, Session> open = ledger.sessions(closing);
            for (int i = 0; i < chunk.size(); i++) {
                Observation seen = observations.get(i);
                Device device = devices.get(seen.mac());
                Long openId = openIds.get(seen.mac());
                apply(device, openId != null ? open.get(openId) : latest.get(seen.mac()), seen, decisions.get(i));
                ledger.observed(device, seen.time(), seen.ip());
                ledger.nameObserved(device, scan.names().get(seen.mac()));
                counts.count(decisions.get(i));
            }
            ledger.endBatch();
        }
        return counts;
    }

    /**
     * Locks the devices a scan speaks for (those it lists, and those with an open session, which it
     * may disconnect) a chunk at a time, and refuses the scan if it is older than any of them.
     *
     * @return the ids of the open sessions of those devices, by MAC, read under the locks: a session
     *         opened or closed since the first look counts as it is now
     */
    private Map<MacAddress, Long> lockAndCheckOrder(Collection<MacAddress> listed, Instant time) {
        Set<MacAddress> involved = new HashSet<>(listed);
        involved.addAll(ledger.devicesWithOpenSessions());
        List<MacAddress> late = new ArrayList<>();
        Instant[] latest = {null};
        ledger.lockInChunks(involved, devices -> devices.forEach((mac, device) -> {
            try {
                PresenceEngine.checkOrder(device.lastEvent(), time);
            } catch (OutOfOrderException e) {
                late.add(mac);
                latest[0] = latest[0] == null || e.latest().isAfter(latest[0]) ? e.latest() : latest[0];
            }
        }));
        if (!late.isEmpty()) {
            throw outOfOrder(late, time, latest[0]);
        }
        return ledger.openSessionIds(involved);
    }

    /**
     * Turns open sessions of devices the scanner has not reported since the cutoff into missing
     * disconnections. Only devices that were observed at least once count: a session created by
     * hand for a device no scanner watches is left alone. Called by the timer, which has no caller
     * identity, hence the open door; no HTTP route leads here.
     */
    @PermitAll
    public int expireStale(Instant cutoff) {
        return transactions.retrying(() -> {
            if (!ledger.takeTurn(STALE_TASK)) {
                return 0; // another server is at it in this very moment; what it leaves, the next tick takes
            }
            List<MacAddress> candidates = ledger.devicesGoneStale(cutoff, STALE_BATCH);
            if (candidates.isEmpty()) {
                return 0;
            }
            ledger.lock(candidates);
            // under the locks, only those still open and still unreported: a report may have come since
            Set<MacAddress> stale = new HashSet<>(ledger.devicesGoneStale(cutoff, STALE_BATCH));
            int expired = 0;
            for (Session session : ledger.openSessionsOf(candidates).values()) {
                if (stale.contains(session.mac())) {
                    ledger.markMissing(session);
                    expired++;
                }
            }
            return expired;
        });
    }

    private PresenceEngine engine() {
        return new PresenceEngine(settings.gracePeriod());
    }

    private static DeviceState state(Device device, Session last) {
        return new DeviceState(device.lastEvent(), device.lastIp(), last == null ? null : summary(last));
    }

    private static DeviceState.Last summary(Session last) {
        return last.isOpen() ? DeviceState.Last.stillOpen() : DeviceState.Last.closed(last.disconnection(), last.disconnectionType());
    }

    /** Has the ledger write a decision (all but the device's stale clock); the session it concerned. */
    private Session apply(Device device, Session last, Observation seen, Decision decision) {
        return switch (decision.effect()) {
            case OPENED -> ledger.open(device, seen.ip(), seen.time(), decision.eventType(), decision.eventInfo());
            case MISSING_CONNECTION -> ledger.missingConnection(device, seen.ip(), seen.time(), decision.eventType(),
                    decision.eventInfo());
            case CLOSED -> {
                ledger.close(device, last, seen.ip(), seen.time(), decision.eventType(), decision.eventInfo());
                yield last;
            }
            case VOIDED -> {
                ledger.voidFlap(device, last, seen.ip(), seen.time(), decision.eventInfo());
                yield last;
            }
            case IP_CHANGED -> {
                ledger.ipChanged(device, seen.ip(), seen.time(), decision.eventInfo());
                yield last;
            }
            case REPEATED -> last;
        };
    }

    private ApiProblem outOfOrder(List<MacAddress> macs, Instant time, Instant latest) {
        DisplayFormat format = new DisplayFormat(settings.zone());
        List<String> names = macs.stream().sorted().map(MacAddress::toString).toList();
        String which = names.size() == 1 ? "device " + names.get(0)
                : names.size() + " devices (" + String.join(", ", names.subList(0, Math.min(5, names.size())))
                        + (names.size() > 5 ? ", ..." : "") + ")";
        return ApiProblem.conflict("The observation at " + format.iso(time) + " is older than the latest event of "
                + which + " at " + format.iso(latest) + ": report observations of a device in time order");
    }
}

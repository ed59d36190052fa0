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
import java.util.HashMap;
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

    private ScanCounts applyScan(Scan scan) {
        Instant time = scan.time();
        Map<MacAddress, IpAddress> listed = scan.ipByMac();
        Set<MacAddress> involved = new HashSet<>(listed.keySet());
        involved.addAll(ledger.devicesWithOpenSessions());
        // A scan of 100,000 devices keeps what its decisions need, never a persistence context of every
        // row it reads or writes: the devices are locked a chunk at a time (in the one MAC order), each
        // chunk reduced to its state and let go of; the writes below go a chunk at a time too.
        Map<MacAddress, DeviceState> states = new HashMap<>(involved.size() * 2);
        Set<MacAddress> seenBefore = new HashSet<>();
        ledger.lockInChunks(involved, devices -> devices.forEach((mac, device) -> {
            states.put(mac, state(device, null));
            if (device.wasSeen()) {
                seenBefore.add(mac);
            }
        }));
        // read again under the locks: a session opened or closed since the first look counts as it is now
        Map<MacAddress, Long> lastIds = ledger.openSessionIds(involved);
        lastIds.keySet().forEach(mac -> states.computeIfPresent(mac, (key, state) -> state.withLast(DeviceState.Last.stillOpen())));
        // only a device seen before, now reconnecting, needs its last session looked up
        List<MacAddress> returning = listed.keySet().stream()
                .filter(mac -> seenBefore.contains(mac) && !lastIds.containsKey(mac)).toList();
        ledger.latestSessionsInChunks(returning, sessions -> sessions.forEach((mac, session) -> {
            lastIds.put(mac, session.id());
            states.computeIfPresent(mac, (key, state) -> state.withLast(summary(session)));
        }));

        List<Observation> observations = new ArrayList<>(states.size());
        listed.forEach((mac, ip) -> observations.add(Observation.connected(mac, ip, time)));
        states.forEach((mac, state) -> {
            if (state.hasOpenSession() && !listed.containsKey(mac)) {
                IpAddress ip = state.lastIp() != null ? state.lastIp() : ledger.openSessionOf(mac).orElseThrow().ip();
                observations.add(Observation.disconnected(mac, ip, time));
            }
        });

        // decide everything before writing anything: one out-of-order device refuses the whole scan
        PresenceEngine engine = engine();
        List<Decision> decisions = new ArrayList<>(observations.size());
        List<MacAddress> late = new ArrayList<>();
        Instant latest = null;
        for (Observation seen : observations) {
            try {
                decisions.add(engine.decide(states.get(seen.mac()), seen));
            } catch (OutOfOrderException e) {
                late.add(seen.mac());
                latest = latest == null || e.latest().isAfter(latest) ? e.latest() : latest;
            }
        }
        if (!late.isEmpty()) {
            throw outOfOrder(late, time, latest);
        }

        states.clear();
        ScanCounts counts = new ScanCounts();
        for (int from = 0; from < observations.size(); from += Ledger.BATCH) {
            List<Observation> chunk = observations.subList(from, Math.min(observations.size(), from + Ledger.BATCH));
            Map<MacAddress, Device> chunkDevices = ledger.devices(chunk.stream().map(Observation::mac).toList());
            // only a close or a flap changes the device's last session
            List<Long> changing = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                Effect effect = decisions.get(from + i).effect();
                if (effect == Effect.CLOSED || effect == Effect.VOIDED) {
                    changing.add(lastIds.get(chunk.get(i).mac()));
                }
            }
            Map<Long, Session> sessions = ledger.sessions(changing);
            for (int i = 0; i < chunk.size(); i++) {
                Observation seen = chunk.get(i);
                Decision decision = decisions.get(from + i);
                Device device = chunkDevices.get(seen.mac());
                apply(device, sessions.get(lastIds.get(seen.mac())), seen, decision);
                ledger.observed(device, seen.time(), seen.ip());
                ledger.nameObserved(device, scan.names().get(seen.mac()));
                counts.count(decision);
            }
            ledger.endBatch();
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

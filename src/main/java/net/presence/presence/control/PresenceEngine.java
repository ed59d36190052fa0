package net.presence.presence.control;

import java.time.Duration;
import java.time.Instant;
import net.presence.sessions.entity.EventKind;
import net.presence.sessions.entity.EventType;
import net.presence.values.IpAddress;

/**
 * The state machine of docs/API.md §11: what one observation does to one device. It decides only;
 * the caller holds the device's lock and writes the decision.
 */
public final class PresenceEngine {

    private final Duration grace;

    /** @param grace a reconnection this soon after a disconnection is a flap; zero turns flaps off */
    public PresenceEngine(Duration grace) {
        this.grace = grace;
    }

    /** @throws OutOfOrderException when the observation is older than the device's latest event */
    public Decision decide(DeviceState device, Observation seen) {
        checkOrder(device.lastEvent(), seen.time());
        return seen.type().isConnection() ? connected(device, seen) : disconnected(device, seen);
    }

    /**
     * The one rule a whole scan checks for all its devices before it writes anything.
     *
     * @throws OutOfOrderException when an observation at this time is older than the device's latest event (null: none)
     */
    public static void checkOrder(Instant lastEvent, Instant time) {
        if (lastEvent != null && time.isBefore(lastEvent)) {
            throw new OutOfOrderException(lastEvent);
        }
    }

    private Decision connected(DeviceState device, Observation seen) {
        DeviceState.Last last = device.last();
        if (device.hasOpenSession()) {
            IpAddress previous = device.lastIp();
            if (previous != null && !previous.equals(seen.ip())) {
                return new Decision(Effect.IP_CHANGED, EventType.IP_CHANGED, "Previous IP: " + previous);
            }
            return Decision.REPEATED;
        }
        if (last == null) {
            // the reference stored a Connected and a New Device event here; one is the truth
            return new Decision(Effect.OPENED, EventType.NEW_DEVICE, seen.info());
        }
        if (isFlap(last, seen.time())) {
            return new Decision(Effect.VOIDED, EventType.CONNECTED, seen.info());
        }
        boolean wasDown = last.disconnectionType() != null && last.disconnectionType().is(EventKind.DEVICE_DOWN);
        EventType type = wasDown ? EventType.DOWN_RECONNECTED : EventType.CONNECTED;
        return new Decision(Effect.OPENED, type, seen.info());
    }

    /**
     * Only a plain disconnection can be a flap: a Device Down is news even when it is short, and
     * its reconnection is recorded as Down Reconnected.
     */
    private boolean isFlap(DeviceState.Last last, Instant time) {
        return !grace.isZero()
                && last.disconnection() != null
                && EventType.DISCONNECTED.equals(last.disconnectionType())
                && !time.isAfter(last.disconnection().plus(grace));
    }

    private Decision disconnected(DeviceState device, Observation seen) {
        if (device.hasOpenSession()) {
            return new Decision(Effect.CLOSED, seen.type().eventType(), seen.info());
        }
        if (device.last() == null) {
            return new Decision(Effect.MISSING_CONNECTION, seen.type().eventType(), seen.info());
        }
        return Decision.REPEATED;
    }
}

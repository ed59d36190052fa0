package net.presence.presence.control;

import java.time.Duration;
import java.time.Instant;
import net.presence.sessions.entity.Event;

/**
 * The state machine of API.md §11: what one observation does to one device. It decides only;
 * the caller holds the device's lock and writes the decision.
 */
public final class PresenceEngine {

    public static final String VOIDED_CONNECTED = Event.VOIDED + Event.CONNECTED;

    private final Duration grace;

    /** @param grace a reconnection this soon after a disconnection is a flap; zero turns flaps off */
    public PresenceEngine(Duration grace) {
        this.grace = grace;
    }

    /** @throws OutOfOrderException when the observation is older than the device's latest event */
    public Decision decide(DeviceState device, Observation seen) {
        if (device.lastEvent() != null && seen.time().isBefore(device.lastEvent())) {
            throw new OutOfOrderException(device.lastEvent());
        }
        return seen.type().isConnection() ? connected(device, seen) : disconnected(device, seen);
    }

    private Decision connected(DeviceState device, Observation seen) {
        DeviceState.Last last = device.last();
        if (device.hasOpenSession()) {
            String previous = device.lastIp();
            if (previous != null && !previous.equals(seen.ip())) {
                return new Decision(Effect.IP_CHANGED, Event.IP_CHANGED, "Previous IP: " + previous);
            }
            return Decision.REPEATED;
        }
        if (last == null) {
            // the reference stored a Connected and a New Device event here; one is the truth
            return new Decision(Effect.OPENED, Event.NEW_DEVICE, seen.info());
        }
        if (isFlap(last, seen.time())) {
            return new Decision(Effect.VOIDED, VOIDED_CONNECTED, seen.info());
        }
        String type = Event.DEVICE_DOWN.equals(last.disconnectionType()) ? Event.DOWN_RECONNECTED : Event.CONNECTED;
        return new Decision(Effect.OPENED, type, seen.info());
    }

    /**
     * Only a plain disconnection can be a flap: a Device Down is news even when it is short, and
     * its reconnection is recorded as Down Reconnected.
     */
    private boolean isFlap(DeviceState.Last last, Instant time) {
        return !grace.isZero()
                && last.disconnection() != null
                && Event.DISCONNECTED.equals(last.disconnectionType())
                && !time.isAfter(last.disconnection().plus(grace));
    }

    private Decision disconnected(DeviceState device, Observation seen) {
        if (device.hasOpenSession()) {
            return new Decision(Effect.CLOSED, seen.type().text(), seen.info());
        }
        if (device.last() == null) {
            return new Decision(Effect.MISSING_CONNECTION, seen.type().text(), seen.info());
        }
        return Decision.REPEATED;
    }
}

package net.presence.presence.control;

import java.time.Instant;
import net.presence.sessions.entity.EventType;
import net.presence.values.IpAddress;

/**
 * What the engine needs to know of a device before an observation.
 *
 * @param lastEvent the time of the device's latest stored event, null when it has none
 * @param lastIp    the IP the device was last seen with (by an event or an observation), or null
 * @param last      the device's latest session, null when it has none
 */
public record DeviceState(Instant lastEvent, IpAddress lastIp, Last last) {

    /** A device never seen: no event, no session. */
    public static final DeviceState UNKNOWN = new DeviceState(null, null, null);

    /**
     * The device's latest session, reduced to what decides an observation.
     *
     * @param open              whether it is still open
     * @param disconnection     its disconnection time; null while open or when it is missing
     * @param disconnectionType its disconnection type; null while open or when it is missing
     */
    public record Last(boolean open, Instant disconnection, EventType disconnectionType) {

        public static Last stillOpen() {
            return new Last(true, null, null);
        }

        public static Last closed(Instant disconnection, EventType type) {
            return new Last(false, disconnection, type);
        }
    }

    /** The same device with this latest session. */
    public DeviceState withLast(Last latest) {
        return new DeviceState(lastEvent, lastIp, latest);
    }

    public boolean hasOpenSession() {
        return last != null && last.open();
    }
}

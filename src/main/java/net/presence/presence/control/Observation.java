package net.presence.presence.control;

import java.time.Instant;
import net.presence.values.IpAddress;
import net.presence.values.MacAddress;

/** One thing a scanner saw: a device connected, disconnected or down at a time, with an IP. */
public record Observation(MacAddress mac, IpAddress ip, ObservationType type, Instant time, String info) {

    public Observation {
        info = info == null ? "" : info;
    }

    public static Observation connected(MacAddress mac, IpAddress ip, Instant time) {
        return new Observation(mac, ip, ObservationType.CONNECTED, time, "");
    }

    public static Observation disconnected(MacAddress mac, IpAddress ip, Instant time) {
        return new Observation(mac, ip, ObservationType.DISCONNECTED, time, "");
    }
}

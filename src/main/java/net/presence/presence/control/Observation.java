package net.presence.presence.control;

import java.time.Instant;

/** One thing a scanner saw: a device (canonical MAC and IP) connected, disconnected or down at a time. */
public record Observation(String mac, String ip, ObservationType type, Instant time, String info) {

    public Observation {
        info = info == null ? "" : info;
    }

    public static Observation connected(String mac, String ip, Instant time) {
        return new Observation(mac, ip, ObservationType.CONNECTED, time, "");
    }

    public static Observation disconnected(String mac, String ip, Instant time) {
        return new Observation(mac, ip, ObservationType.DISCONNECTED, time, "");
    }
}

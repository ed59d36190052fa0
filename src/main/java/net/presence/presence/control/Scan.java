package net.presence.presence.control;

import java.time.Instant;
import java.util.Map;
import net.presence.values.IpAddress;
import net.presence.values.MacAddress;

/**
 * One whole scan: every device the scanner saw at one time (each once), with its IP. A device with
 * an open session that is not listed was not seen: it disconnected. A device may come with the
 * name the scanner knows it by ({@code names}), kept unless a name was given by hand.
 */
public record Scan(Instant time, Map<MacAddress, IpAddress> ipByMac, Map<MacAddress, String> names) {

    /** The most devices one scan may list. */
    public static final int MAX_DEVICES = 100_000;

    public Scan {
        names = names == null ? Map.of() : names;
    }

    /** A scan that names no device. */
    public Scan(Instant time, Map<MacAddress, IpAddress> ipByMac) {
        this(time, ipByMac, Map.of());
    }
}

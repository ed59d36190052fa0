package net.presence.sessions.control;

import java.time.Instant;
import net.presence.sessions.entity.EventType;
import net.presence.values.IpAddress;
import net.presence.values.MacAddress;

/** An event another system recorded; a flap's event arrives as its type, voided. */
public record ImportedEvent(MacAddress mac, IpAddress ip, Instant at, EventType type, boolean voided, String info) {
}

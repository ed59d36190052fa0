package net.presence.sessions.control;

import net.presence.values.MacAddress;

/** A device another system knew, with the name it gave it, or null when it gave none. */
public record ImportedDevice(MacAddress mac, String name) {
}

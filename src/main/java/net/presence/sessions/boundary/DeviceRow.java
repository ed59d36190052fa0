package net.presence.sessions.boundary;

import jakarta.json.stream.JsonGenerator;
import java.time.Instant;
import java.util.List;
import net.presence.platform.JsonOutput;
import net.presence.values.DisplayFormat;

/**
 * One known device as {@code GET /sessions/devices} lists it: its name (null when it has none),
 * its first and last event, whether a session is open now, and how many sessions it has.
 */
public record DeviceRow(String mac, String name, Instant firstSeen, Instant lastSeen, boolean connectedNow, long sessions) {

    /** The fields {@link #write} writes, in its order: the header row of the CSV answer. */
    public static final List<String> COLUMNS = List.of("mac", "name", "first_seen", "last_seen", "connected_now", "sessions");

    public void write(JsonGenerator json, DisplayFormat format) {
        json.writeStartObject().write("mac", mac);
        JsonOutput.nullable(json, "name", name);
        JsonOutput.nullable(json, "first_seen", format.iso(firstSeen));
        JsonOutput.nullable(json, "last_seen", format.iso(lastSeen));
        json.write("connected_now", connectedNow).write("sessions", sessions).writeEnd();
    }
}

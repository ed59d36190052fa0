package net.presence.sessions.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import net.presence.values.MacAddress;

/** The answer to {@code DELETE /sessions/delete}. */
@JsonbPropertyOrder({"success", "message", "deleted"})
public record Deletion(boolean success, String message, int deleted) {

    static Deletion of(MacAddress mac, int deleted) {
        return new Deletion(true, "Deleted sessions for MAC " + mac, deleted);
    }
}

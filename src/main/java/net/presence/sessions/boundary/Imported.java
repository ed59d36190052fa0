package net.presence.sessions.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The answer to {@code POST /sessions/import}: how many sessions were stored. */
@JsonbPropertyOrder({"success", "imported"})
public record Imported(boolean success, long imported) {

    static Imported of(long imported) {
        return new Imported(true, imported);
    }
}

package net.presence.sessions.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import net.presence.sessions.control.Summary;

/** The answer to {@code GET /sessions/totals}: the count of each summary kind, in the kinds' order. */
@JsonbPropertyOrder({"success", "period", "timezone", "totals"})
public record Totals(boolean success, String period, String timezone, Map<String, Long> totals) {

    static Totals of(String period, String timezone, Map<Summary, Long> counts) {
        Map<String, Long> totals = new LinkedHashMap<>();
        counts.forEach((kind, count) -> totals.put(kind.id(), count));
        return new Totals(true, period, timezone, totals);
    }
}

package net.presence.sessions.control;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import net.presence.sessions.entity.EventType;
import net.presence.values.IpAddress;
import net.presence.values.MacAddress;
import net.presence.values.Span;

/**
 * A session as a client asks to create it; {@code end == null} asks for an open session, whose
 * {@code disconnectionType} is then null.
 */
public record NewSession(MacAddress mac, IpAddress ip, Instant start, Instant end, EventType connectionType,
        EventType disconnectionType, String info) {

    public Span span() {
        return end == null ? Span.open(start) : new Span(start, end);
    }

    /** What is wrong with the times, by field: none in the future, no end before the start. */
    public Map<String, String> problems(Instant now) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (SessionRules.isInFuture(start, now)) {
            problems.put("start_time", "Field 'start_time' is more than 5 minutes in the future");
        }
        if (end != null && SessionRules.isInFuture(end, now)) {
            problems.put("end_time", "Field 'end_time' is more than 5 minutes in the future");
        }
        if (end != null && end.isBefore(start)) {
            problems.putIfAbsent("end_time", "Field 'end_time' is before 'start_time': a session cannot end before it starts");
        }
        return problems;
    }
}

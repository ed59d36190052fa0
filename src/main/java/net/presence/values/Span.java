package net.presence.values;

import java.time.Instant;

/**
 * The time a session occupies: the half-open interval {@code [start, end)}, so one session may end
 * at the very instant the next begins. A session of zero length, or one whose other end is
 * missing, is a single instant: it collides with an interval only strictly inside it (it may touch
 * either end, like any neighbour) and with another instant only when they are equal. An open
 * session ({@code end == null}) reaches into the future.
 */
public record Span(Instant start, Instant end) {

    public static Span open(Instant start) {
        return new Span(start, null);
    }

    public static Span at(Instant instant) {
        return new Span(instant, instant);
    }

    public boolean isPoint() {
        return end != null && end.equals(start);
    }

    public boolean overlaps(Span other) {
        if (isPoint() && other.isPoint()) {
            return start.equals(other.start);
        }
        if (isPoint()) {
            return other.strictlyContains(start);
        }
        if (other.isPoint()) {
            return strictlyContains(other.start);
        }
        return startsBefore(other.end) && other.startsBefore(end);
    }

    private boolean strictlyContains(Instant instant) {
        return instant.isAfter(start) && (end == null || instant.isBefore(end));
    }

    private boolean startsBefore(Instant limit) {
        return limit == null || start.isBefore(limit);
    }
}

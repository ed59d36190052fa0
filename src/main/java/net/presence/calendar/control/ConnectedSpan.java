package net.presence.calendar.control;

/**
 * The time one calendar bar says a device was connected: {@code [start, end)} in epoch
 * milliseconds, with the calendar's stand-ins for open sessions and missing ends already applied.
 * A bar of zero length (a session that began and ended at one instant) has {@code start == end}.
 */
public record ConnectedSpan(String mac, long start, long end) {

    public ConnectedSpan {
        if (end < start) {
            throw new IllegalArgumentException("A span cannot end before it starts: " + start + " > " + end);
        }
    }
}

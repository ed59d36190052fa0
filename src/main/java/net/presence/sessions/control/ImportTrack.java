package net.presence.sessions.control;

import java.time.Instant;
import net.presence.sessions.entity.Session;
import net.presence.values.IpAddress;
import net.presence.values.Span;

/**
 * What an import knows of one device: a few numbers, however many lines the device has.
 * <p>
 * Lines that come in order of start time (as any export writes them) are disjoint from each other
 * exactly when each is disjoint from two earlier ones: the one reaching furthest, and the latest
 * single instant. So an in-order line is checked here, without the database, and against the
 * database only when it falls within the range of the device's sessions stored before the import.
 * A line out of order is checked against the database, which by then holds the lines before it.
 */
public final class ImportTrack {

    private final long storedStart;
    private final long storedEnd;
    private Instant lastStart;
    private Span reach;
    private Span lastPoint;
    private Instant firstEvent;
    private Instant lastEvent;
    private IpAddress lastIp;

    /** @param storedRange the first and last instants of the device's stored sessions, or null for none */
    public ImportTrack(long[] storedRange) {
        this.storedStart = storedRange == null ? Long.MAX_VALUE : storedRange[0];
        this.storedEnd = storedRange == null ? Long.MIN_VALUE : storedRange[1];
    }

    /** A track of its own in the same state, for a unit of work that may have to start again. */
    public ImportTrack copy() {
        ImportTrack copy = new ImportTrack(storedStart == Long.MAX_VALUE ? null : new long[] {storedStart, storedEnd});
        copy.lastStart = lastStart;
        copy.reach = reach;
        copy.lastPoint = lastPoint;
        copy.firstEvent = firstEvent;
        copy.lastEvent = lastEvent;
        copy.lastIp = lastIp;
        return copy;
    }

    /** Whether the span starts no earlier than every line of the device before it. */
    public boolean inOrder(Span span) {
        return lastStart == null || !span.start().isBefore(lastStart);
    }

    /** For an in-order span: whether it overlaps a line of the device before it. */
    public boolean collidesWithEarlierLine(Span span) {
        return reach != null && reach.overlaps(span) || lastPoint != null && lastPoint.overlaps(span);
    }

    /** Whether the span may meet a session the device had before the import: the database must tell. */
    public boolean nearStored(Span span) {
        long from = span.start().toEpochMilli();
        long to = span.end() == null ? Session.OPEN : span.end().toEpochMilli();
        return from <= storedEnd && to >= storedStart;
    }

    /** Takes an in-order span that collided with nothing. */
    public void add(Span span) {
        lastStart = span.start();
        if (span.isPoint()) {
            lastPoint = span;
        } else if (reach == null || reach.end() != null && (span.end() == null || span.end().isAfter(reach.end()))) {
            reach = span;
        }
    }

    /** An event the import stores for the device. */
    public void event(Instant at, IpAddress ip) {
        if (firstEvent == null || at.isBefore(firstEvent)) {
            firstEvent = at;
        }
        if (lastEvent == null || !at.isBefore(lastEvent)) {
            lastEvent = at;
            lastIp = ip;
        }
    }

    public Instant firstEvent() {
        return firstEvent;
    }

    public Instant lastEvent() {
        return lastEvent;
    }

    public IpAddress lastIp() {
        return lastIp;
    }
}
